import { Checkbox, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import type { SefRow } from '../../../../shared/api/monitoring';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { GradeSelects, useFramework } from './GradeSelects';
import { RecordModal, todayIso, type RecordFormProps } from './RecordModal';

export function SefForm({ schoolId, sef, onClose, onSaved }: RecordFormProps & { sef?: SefRow }) {
  const framework = useFramework(sef?.framework);
  const [sefOn, setSefOn] = useState(sef?.sefOn ?? todayIso());
  const [validated, setValidated] = useState(sef?.validated ?? false);
  const [given, setGiven] = useState<Record<string, number>>(sef?.grades ?? {});
  return (
    <RecordModal
      title={sef ? 'Correct a SEF' : 'Record a SEF'}
      submitLabel={sef ? 'Save SEF' : 'Record SEF'}
      onClose={onClose}
      onSaved={onSaved}
      save={() =>
        call('sef.save', { ...(sef ? { id: sef.id } : {}), schoolId, sefOn, validated, grades: given })
      }
    >
      {(errors) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField label="SEF date" value={sefOn} onChange={setSefOn} error={errors.sefOn} />
          <Checkbox
            label="Validated by the SIP"
            checked={validated}
            onChange={(e) => setValidated(e.currentTarget.checked)}
            mt={28}
          />
          <GradeSelects framework={framework} value={given} onChange={setGiven} markRequired />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
