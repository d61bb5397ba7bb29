import { Input, Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { CATEGORIES } from '../../../../shared/domain/categories';
import { call } from '../../api';

export const GRADE_OPTIONS = Object.entries(CATEGORIES).map(([value, name]) => ({
  value,
  label: `${value} ${name}`,
}));
type Framework = OpOutput<'sef.frameworks'>['frameworks'][number];

/** The judgements of the framework in use, or of the one a record was made in. */
export function useFramework(code?: string): Framework | undefined {
  const [frameworks, setFrameworks] = useState<OpOutput<'sef.frameworks'> | null>(null);
  useEffect(() => {
    void call('sef.frameworks', {}).then(setFrameworks);
  }, []);
  return frameworks?.frameworks.find((f) => f.code === (code ?? frameworks.active));
}

/** One 1–4 grade per judgement; a judgement left blank has no grade. */
export function GradeSelects({
  framework,
  value,
  onChange,
  markRequired,
  except = [],
  error,
}: {
  framework: Framework | undefined;
  value: Record<string, number>;
  onChange: (grades: Record<string, number>) => void;
  markRequired: boolean;
  /** Judgements the form asks for elsewhere. */
  except?: string[];
  /** A problem with the grades as a whole, such as a judgement the framework requires. */
  error: string | undefined;
}) {
  const selects = framework?.judgements
    .filter((j) => !except.includes(j.code))
    .map((j) => (
      <Select
        key={j.code}
        label={j.label}
        required={markRequired && !j.optional}
        clearable
        data={GRADE_OPTIONS}
        value={value[j.code] === undefined ? null : String(value[j.code])}
        onChange={(v) => {
          const next = { ...value };
          if (v === null) delete next[j.code];
          else next[j.code] = Number(v);
          onChange(next);
        }}
      />
    ));
  return (
    <>
      {selects}
      {error && <Input.Error style={{ gridColumn: '1 / -1' }}>{error}</Input.Error>}
    </>
  );
}
