/** Numbered SQL files, applied in order; the number is the `user_version` the file leaves behind. */
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface Migration {
  version: number;
  file: string;
  sql: string;
}

export const migrations: Migration[] = Object.entries(files)
  .map(([file, sql]) => {
    const match = /\/(\d{3})_[^/]+\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file ${file} is not named NNN_name.sql`);
    return { version: Number(match[1]), file, sql };
  })
  .sort((a, b) => a.version - b.version);

migrations.forEach((migration, index) => {
  if (migration.version !== index + 1) throw new Error(`Migration ${migration.file} is out of sequence`);
});

export const latestVersion = migrations.length;
