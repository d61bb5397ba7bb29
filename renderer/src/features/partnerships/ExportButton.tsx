import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call, errorMessage } from '../../api';
import { download } from '../../components/workbook-files';

/** The partnerships workbook: networks and their money, key strengths, brokered support, barriers. */
export function ExportButton() {
  const [exporting, setExporting] = useState(false);
  const exportWorkbook = async () => {
    setExporting(true);
    try {
      const file = await call('partnerships.export', {});
      download(file.fileName, file.dataBase64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button variant="light" onClick={() => void exportWorkbook()} loading={exporting}>
      Export partnerships workbook
    </Button>
  );
}
