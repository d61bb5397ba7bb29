import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { CATEGORIES } from '../../../../shared/domain/categories';
import { call } from '../../api';
import { DateField } from '../../DateField';
import { RecordModal, todayIso, type RecordFormProps } from './RecordModal';

const grades = Object.entries(CATEGORIES).map(([value, name]) => ({ value, label: `${value} ${name}` }));

export function SefForm({ schoolId, onClose, onSaved }: RecordFormProps) {
  const [frameworks, setFrameworks] = useState<OpOutput<'sef.frameworks'> | null>(null);
  const [sefOn, setSefOn] = useState(todayIso());
  const [validated, setValidated] = useState(false);
  const [given, setGiven] = useState<Record<string, number>>({});
  useEffect(() => {
    void call('sef.frameworks', {}).then(setFrameworks);
  }, []);
  const framework = frameworks?.frameworks.find((f) => f.code === frameworks.active);
  return (
    <RecordModal
      title="Record a SEF"
      submitLabel="Record SEF"
      onClose={onClose}
      onSaved={onSaved}
      save={() => call('sef.save', { schoolId, sefOn, validated, grades: given })}
    >
      {() => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField label="SEF date" value={sefOn} onChange={(iso) => setSefOn(iso)} />
          <Checkbox
            label="Validated by the SIP"
            checked={validated}
            onChange={(e) => setValidated(e.currentTarget.checked)}
            mt={28}
          />
          {framework?.judgements.map((j) => (
            <Select
              key={j.code}
              label={j.label}
              required={!j.optional}
              clearable
              data={grades}
              value={given[j.code] === undefined ? null : String(given[j.code])}
              onChange={(v) =>
                setGiven(({ [j.code]: _dropped, ...rest }) =>
                  v === null ? rest : { ...rest, [j.code]: Number(v) },
                )
              }
            />
          ))}
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
