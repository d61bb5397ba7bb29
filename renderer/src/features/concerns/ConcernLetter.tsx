import { Button, Group, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  concernLetterDraft,
  concernLetterLabels,
  type ConcernLetterDraft,
} from '../../../../shared/api/concern-letters';
import type { ConcernRow } from '../../../../shared/api/concerns';
import { formatDate } from '../../../../shared/domain/format';
import { call, errorMessage, useOperation } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { Section } from '../../components/Section';
import { download } from '../../components/workbook-files';

/**
 * The letters telling the school it causes concern: each one saved, with its PDF to download, and
 * while the concern is open a new one drafted from the concern for the user to edit and save.
 */
export function ConcernLetters({ concern, onSaved }: { concern: ConcernRow; onSaved: () => void }) {
  const { data: letters, reload } = useOperation('concernLetters.list', { concernId: concern.id });
  const [writing, setWriting] = useState(false);
  const [fetching, setFetching] = useState<number | null>(null);
  const open = concern.closedOn === null;

  const downloadLetter = async (id: number) => {
    setFetching(id);
    try {
      const file = await call('concernLetters.download', { id });
      download(file.fileName, file.dataBase64);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setFetching(null);
    }
  };

  // The modal sits beside the section, which shows its empty line instead of its children.
  return (
    <>
      <Section
        title="Notification letters"
        action={open ? 'Write notification letter' : undefined}
        onAction={() => setWriting(true)}
        empty={letters && letters.length === 0 && 'No letter has been saved for this concern yet.'}
      >
        <Table striped>
          <Table.Tbody>
            {(letters ?? []).map((letter) => (
              <Table.Tr key={letter.id}>
                <Table.Td w={110}>{formatDate(letter.datedOn)}</Table.Td>
                <Table.Td w={80}>Stage {letter.stage}</Table.Td>
                <Table.Td>
                  <Text size="sm">{letter.addressee.split('\n').filter(Boolean).join(' · ')}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="default"
                    loading={fetching === letter.id}
                    onClick={() => void downloadLetter(letter.id)}
                    aria-label={`Download the letter of ${formatDate(letter.datedOn)}`}
                  >
                    Download PDF
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      {writing && (
        <DraftedLetter
          concernId={concern.id}
          onClose={() => setWriting(false)}
          onSaved={() => {
            setWriting(false);
            reload();
            onSaved();
            notifications.show({ message: 'Letter saved, and the notification recorded on the concern.' });
          }}
        />
      )}
    </>
  );
}

/** Fetches the drafted words, then shows them to edit. */
function DraftedLetter(props: { concernId: number; onClose: () => void; onSaved: () => void }) {
  const { data, error } = useOperation('concernLetters.draft', { concernId: props.concernId });
  const { onClose } = props;
  useEffect(() => {
    if (!error) return;
    notifications.show({ color: 'red', message: error });
    onClose();
  }, [error, onClose]);
  return data ? <LetterForm drafted={data} {...props} /> : null;
}

function LetterForm({
  drafted,
  onClose,
  onSaved,
}: {
  drafted: ConcernLetterDraft;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft(() => drafted);
  return (
    <RecordModal
      title="Notification letter"
      submitLabel="Save letter"
      rules={concernLetterDraft}
      labels={concernLetterLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('concernLetters.save', { draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <>
          <Text size="sm" c="dimmed">
            Drafted from the concern. Edit anything before saving: the PDF is made from the words as you leave
            them, kept with the concern, and the concern records that the school was told.
          </Text>
          <Group align="start" grow>
            <DateField
              label="Letter date"
              required
              value={draft.datedOn}
              onChange={(iso) => set({ datedOn: iso })}
              {...fields.date('datedOn')}
            />
            <Textarea
              label="Contact"
              description="Who the school should contact"
              required
              autosize
              minRows={2}
              value={draft.contact}
              onChange={(e) => set({ contact: e.currentTarget.value })}
              error={fields.error('contact')}
            />
          </Group>
          <Textarea
            label="To"
            description="The headteacher and the chair of governors, one line each"
            required
            autosize
            minRows={3}
            value={draft.addressee}
            onChange={(e) => set({ addressee: e.currentTarget.value })}
            error={fields.error('addressee')}
          />
          <Textarea
            label="Letter"
            description="A blank line starts a new paragraph"
            required
            autosize
            minRows={10}
            maxRows={16}
            value={draft.body}
            onChange={(e) => set({ body: e.currentTarget.value })}
            error={fields.error('body')}
          />
        </>
      )}
    </RecordModal>
  );
}
