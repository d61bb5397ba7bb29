import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../../../shared/api/contract';
import { call, errorMessage, useOperation } from '../../api';
import { numberFrom } from '../../components/numbers';

/**
 * How many schools one school may support at once before it is no longer suggested: a setting of
 * the whole file, changed where the strengths it limits are kept.
 */
export function SupportLimitSetting() {
  const settings = useOperation('partnerships.settings', {});
  // null until the user types: the field shows the stored limit.
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const stored = settings.data?.supportLimit;
  const shown = typed ?? (stored === undefined ? '' : String(stored));

  const save = async () => {
    setSaving(true);
    try {
      // A blank is sent as not-a-number, so the field rules answer "Enter a number" for it too.
      const limit = numberFrom(shown) ?? Number.NaN;
      const saved = await call('partnerships.setSupportLimit', { limit });
      setError(null);
      setTyped(null);
      settings.reload();
      notifications.show({
        message: `A school supporting ${saved.supportLimit} already is no longer suggested.`,
      });
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.fields?.limit ?? e.message) : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Group align="start" gap="xs" role="group" aria-label="Support limit">
      <TextInput
        label="Support limit"
        description="Most schools one school supports at once"
        inputMode="numeric"
        w={270}
        value={shown}
        error={error ?? settings.error}
        onChange={(e) => setTyped(e.currentTarget.value)}
      />
      <Button
        mt={42}
        size="xs"
        variant="light"
        loading={saving}
        disabled={stored === undefined || shown.trim() === String(stored)}
        onClick={() => void save()}
      >
        Save limit
      </Button>
    </Group>
  );
}
