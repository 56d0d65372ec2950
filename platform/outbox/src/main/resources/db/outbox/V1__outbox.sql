-- Transactional outbox: events are written here in the transaction that changes state, then relayed to Kafka.
create table outbox_event (
    id              bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    topic           text        not null,
    event_key       text        not null,
    event_type      text        not null,
    payload         text        not null,
    occurred_at     timestamptz not null,
    published_at    timestamptz,
    attempts        int         not null default 0,
    last_error      text
);
create index outbox_event_pending on outbox_event (id) where published_at is null;
