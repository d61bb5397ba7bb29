import { Alert, Button, Group, Modal, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, type OpOutput, type SchoolRow } from '../../../../shared/api/contract';
import { PHASES, SCHOOL_TYPES } from '../../../../shared/domain/organisation';
import { checkSchool, draftOf, type FieldErrors, type SchoolDraft } from '../../../../shared/domain/school';
import { call, errorMessage } from '../../api';
import { asking, confirmDiscard } from '../../components/confirm';
import { mayLeave, useUnsavedChanges } from '../../components/unsaved-changes';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';

type Org = OpOutput<'organisation.get'>;

const blank: SchoolDraft = {
  dfe: '',
  urn: '',
  name: '',
  type: '',
  phase: '',
  districtId: null,
  diocese: '',
  numberOnRoll: '',
  headteacher: '',
  chairOfGovernors: '',
  sipId: null,
  postcode: '',
};

/** The add/edit form. The same rules run here as on the server, so mistakes show before saving. */
export function SchoolForm({
  org,
  school,
  onSaved,
  onCancel,
}: {
  org: Org;
  school?: SchoolRow;
  onSaved: (school: SchoolRow) => void;
  onCancel: () => void;
}) {
  const [initial] = useState<SchoolDraft>(() => (school ? draftOf(school) : blank));
  const [draft, setDraft] = useState(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const settled = useUnsavedChanges(dirty);
  const cancel = () =>
    void (dirty ? confirmDiscard() : Promise.resolve(true)).then((drop) => drop && onCancel());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<SchoolDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (
    field: keyof SchoolDraft & string,
    label: string,
    extra: { required?: boolean; placeholder?: string } = {},
  ) => (
    <TextInput
      label={label}
      value={draft[field] as string}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={errors[field]}
      {...extra}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSchool(draft);
    setErrors(checked.ok ? {} : checked.errors);
    setFailure(null);
    if (!checked.ok) return;
    setSaving(true);
    try {
      const saved = await call('schools.save', school ? { id: school.id, draft } : { draft });
      settled();
      onSaved(saved);
    } catch (e) {
      // A refusal about fields is shown at those fields; only one about none needs a message.
      const fields = e instanceof ApiError ? (e.body.fields ?? {}) : {};
      setErrors(fields as FieldErrors);
      setFailure(Object.keys(fields).length > 0 ? null : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const sips = org.people.filter((p) => p.roles.includes('SIP'));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={school ? 'Edit school' : 'Add school'}>
      {failure && (
        <Alert color="red" mb="sm" role="alert">
          {failure}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('dfe', 'DfE number', { required: true, placeholder: '860/2001' })}
        {text('urn', 'URN')}
        {text('name', 'School name', { required: true })}
        <TypeaheadSelect
          label="Phase"
          required
          data={[...PHASES]}
          value={draft.phase || null}
          onChange={(v) => set({ phase: v ?? '' })}
          error={errors.phase}
        />
        <TypeaheadSelect
          label="Type"
          clearable
          data={[...SCHOOL_TYPES]}
          value={draft.type || null}
          onChange={(v) => set({ type: v ?? '' })}
          error={errors.type}
        />
        <TypeaheadSelect
          label="District"
          required
          data={org.districts.map((d) => ({ value: String(d.id), label: d.name }))}
          value={draft.districtId === null ? null : String(draft.districtId)}
          onChange={(v) => set({ districtId: v ? Number(v) : null })}
          error={errors.districtId}
        />
        {text('diocese', 'Diocese')}
        {text('numberOnRoll', 'Number on roll')}
        {text('headteacher', 'Headteacher')}
        {text('chairOfGovernors', 'Chair of governors')}
        <TypeaheadSelect
          label="SIP"
          clearable
          data={sips.map((p) => ({ value: String(p.id), label: p.name }))}
          value={draft.sipId === null ? null : String(draft.sipId)}
          onChange={(v) => set({ sipId: v ? Number(v) : null })}
          error={errors.sipId}
        />
        {text('postcode', 'Postcode')}
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={cancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {school ? 'Save changes' : 'Add school'}
        </Button>
      </Group>
    </form>
  );
}

export function SchoolFormModal({
  org,
  onClose,
  onSaved,
}: {
  org: Org;
  onClose: () => void;
  onSaved: (school: SchoolRow) => void;
}) {
  // Escape or a click outside asks before dropping what was typed (not the Escape answering that).
  const close = () => !asking() && void mayLeave().then((leave) => leave && onClose());
  return (
    <Modal opened onClose={close} title="Add a school" size="lg">
      <SchoolForm org={org} onSaved={onSaved} onCancel={onClose} />
    </Modal>
  );
}
