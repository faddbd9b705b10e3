-- The `clean` database of the `inspect` tests: a small ordinary schema that no probe should report,
-- whether it is inspected by the superuser, by preflight_reader or by preflight_limited.
-- scripts/with-postgres.sh loads it into `clean` on both test servers; the roles exist already.
CREATE TABLE public.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES public.accounts (id),
    amount numeric(12, 2) NOT NULL,
    issued_on date NOT NULL DEFAULT current_date
);
CREATE INDEX invoices_account_id_idx ON public.invoices (account_id);

CREATE TABLE public.invoice_notes (
    invoice_id bigint NOT NULL REFERENCES public.invoices (id),
    note_no integer NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (invoice_id, note_no)
);

INSERT INTO public.accounts (name) SELECT 'account ' || g FROM generate_series(1, 50) AS g;
INSERT INTO public.invoices (account_id, amount)
SELECT 1 + g % 50, g * 1.25 FROM generate_series(1, 500) AS g;
INSERT INTO public.invoice_notes SELECT id, 1, 'paid' FROM public.invoices WHERE id % 10 = 0;
ANALYZE;

-- preflight_limited gets what a monitoring role is usually given: read access to the tables.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO preflight_limited;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO preflight_limited;
