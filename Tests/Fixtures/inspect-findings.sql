-- The `findings` database of the `inspect` tests: exactly one instance of each finding a probe in
-- Content/probes/postgresql looks for, and nothing else a probe would report. scripts/with-postgres.sh
-- loads it into `findings` on both test servers as the superuser, after it has created the roles
-- preflight_reader and preflight_limited. The transaction-ID age of `findings` cannot be made in SQL:
-- the script moves the cluster's next XID forward with pg_resetwal and creates `findings` from an
-- unfrozen template1 (see the script). Version-specific parts use psql's \if.
SELECT current_setting('server_version_num')::int < 160000 AS before_16 \gset

-- Ordinary tables around the findings, each with a primary key.
CREATE TABLE public.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE
);
INSERT INTO public.customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 200) AS g;

-- a. A table without a primary key and with the default replica identity: logical replication
--    cannot publish its UPDATEs and DELETEs.
CREATE TABLE public.audit_events (
    happened_at timestamptz NOT NULL DEFAULT now(),
    customer_id bigint,
    event text NOT NULL
);
INSERT INTO public.audit_events (customer_id, event) SELECT g, 'login' FROM generate_series(1, 100) AS g;

-- b. A serial (integer) primary key whose sequence is past half of integer's maximum ...
CREATE TABLE public.legacy_orders (
    id serial PRIMARY KEY,
    customer_id bigint REFERENCES public.customers (id),
    total numeric(12, 2) NOT NULL
);
SELECT setval('public.legacy_orders_id_seq', 1600000000);
INSERT INTO public.legacy_orders (customer_id, total) VALUES (1, 10), (2, 20);
-- ... and, separately, a sequence of its own declared AS integer, also past half of its maximum.
CREATE SEQUENCE public.ticket_number_seq AS integer;
SELECT setval('public.ticket_number_seq', 1700000000);

-- d and e are at the end: they hold back the XID horizon.

-- f. Columns of types pg_upgrade refuses: a reg* type that stores an OID the new cluster would not
--    share (regproc), and, before 16 only, aclitem, whose storage format changed in 16.
CREATE TABLE public.job_hooks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handler regproc NOT NULL
);
INSERT INTO public.job_hooks (handler) VALUES ('now'::regproc);
\if :before_16
CREATE TABLE public.saved_grants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_item aclitem NOT NULL
);
INSERT INTO public.saved_grants (grant_item) VALUES (makeaclitem('preflight_limited'::regrole, current_user::regrole, 'SELECT', false));
\endif

-- g. A collation version mismatch: the version recorded for the database's default collation no
--    longer matches what the C library reports, as after an operating-system upgrade.
UPDATE pg_database SET datcollversion = '0.1-before-os-upgrade' WHERE datname = current_database();

-- h. An unlogged table.
CREATE UNLOGGED TABLE public.session_cache (
    id bigint PRIMARY KEY,
    payload text
);
INSERT INTO public.session_cache SELECT g, 'x' FROM generate_series(1, 10) AS g;

-- i. A large object.
SELECT lo_from_bytea(0, convert_to('an invoice scan', 'UTF8'));

-- j. An extension the other test server lacks: adminpack was removed in PostgreSQL 17.
\if :before_16
CREATE EXTENSION adminpack;
\endif

-- k. A table preflight_limited may not read; it can read every other table and sequence.
CREATE TABLE public.findings_secret (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret text NOT NULL
);
INSERT INTO public.findings_secret (secret) VALUES ('not for monitoring');
GRANT SELECT ON ALL TABLES IN SCHEMA public TO preflight_limited;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO preflight_limited;
REVOKE SELECT ON public.findings_secret FROM preflight_limited;

ANALYZE;

-- e. An inactive logical replication slot, and WAL written after it, which it holds on to.
SELECT pg_create_logical_replication_slot('preflight_abandoned_slot', 'pgoutput');
CREATE TABLE public.wal_filler (id bigint PRIMARY KEY, padding text);
INSERT INTO public.wal_filler SELECT g, repeat('w', 200) FROM generate_series(1, 5000) AS g;
DROP TABLE public.wal_filler;
CHECKPOINT;

-- d. A prepared transaction left open.
BEGIN;
SELECT txid_current();
PREPARE TRANSACTION 'preflight_forgotten_prepare';
