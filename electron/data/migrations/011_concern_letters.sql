-- The letter telling a school it causes concern (DOMAIN §8: the Head of SID tells the headteacher and
-- chair of governors why and at what stage). The text is kept as edited and sent, with the PDF made
-- from it, so what the school was told can always be shown again.
CREATE TABLE concern_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  concern_id INTEGER NOT NULL REFERENCES concerns(id) ON DELETE CASCADE,
  dated_on TEXT NOT NULL,
  stage INTEGER NOT NULL CHECK (stage IN (1, 2, 3)),
  addressee TEXT NOT NULL,
  body TEXT NOT NULL,
  contact TEXT NOT NULL,
  pdf BLOB NOT NULL
);
CREATE INDEX concern_letters_concern ON concern_letters(concern_id, dated_on);
