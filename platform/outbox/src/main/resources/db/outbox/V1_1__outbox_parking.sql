-- Parking and extra headers (platform-outbox). Version 1.1 sits between the outbox table (V1) and the services'
-- own migrations (V2 onwards); databases migrated before it existed apply it out of order
-- (quarkus.flyway.out-of-order=true in each service).
alter table outbox_event
    add column if not exists headers   jsonb,
    add column if not exists parked_at timestamptz;
comment on column outbox_event.headers is 'extra Kafka headers of the record (JSON object of strings), besides the CloudEvents ones';
comment on column outbox_event.attempts is 'failed sends while the broker was reachable; the row is parked after ntm.outbox.max-attempts';
comment on column outbox_event.parked_at is 'when the relay gave up on the row (the broker can never accept it); null: pending or published';
