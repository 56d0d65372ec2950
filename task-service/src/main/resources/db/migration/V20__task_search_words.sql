-- Search by words (GET /tasks?q=), exact as before but without the trigram index of V16. A word typed in q (never
-- containing a space or a control character: SearchTerms splits q on them) occurs in search_text exactly when it
-- occurs in one of search_text's space-separated words. The distinct words of all tasks are few (names repeat: a few
-- thousand on a million tasks), so a typed word is first looked up among them (task_search_word, a small table with
-- its own trigram index), then the tasks holding one of the words found are read through a GIN index on the words of
-- each task: a handful of index pages for a commune name, where the trigram index intersected the long posting lists
-- of trigrams that half the tasks share ("ong", "anh").
create or replace function ntm_words(value text) returns text[]
    language sql immutable parallel safe strict
as $$ select array_remove(regexp_split_to_array(value, '[\x01-\x20]+'), '') $$;

-- "the words hold one of these": the operator && as a function a JPQL query can name (Hibernate binds a String[]
-- as character varying[], for which && has no operator; the call casts it). Inlined by the planner: the GIN index
-- below serves it.
create or replace function ntm_words_any(words text[], wanted text[]) returns boolean
    language sql immutable parallel safe
as $$ select words && wanted $$;

-- a generated column cannot use another one (search_text): the same folding, once more
alter table task add column search_words text[]
    generated always as (public.ntm_words(public.ntm_task_search(commune_name, assignee_name, title))) stored;
create index task_search_words on task using gin (search_words);
-- its writes cost every insert of a task, and nothing reads it any more
drop index if exists task_search;

-- Every word of every task, kept by the triggers below; words are never removed (a word no task holds any more only
-- finds no task). No unique constraint: two transactions adding the same new word never wait for each other, a
-- duplicate is harmless (the lookup reads distinct words).
create table task_search_word (word text not null);
insert into task_search_word (word) select distinct unnest(search_words) from task;
create index task_search_word_word on task_search_word (word);
create index task_search_word_trgm on task_search_word using gin (word gin_trgm_ops);

create or replace function ntm_task_words_inserted() returns trigger language plpgsql as $$
begin
    insert into task_search_word (word)
    select distinct w.word from new_rows n cross join lateral unnest(n.search_words) as w(word)
    where not exists (select 1 from task_search_word s where s.word = w.word);
    return null;
end
$$;

create or replace function ntm_task_words_updated() returns trigger language plpgsql as $$
begin
    -- a status change keeps the words: nothing left after the except
    insert into task_search_word (word)
    select n.word from (select unnest(search_words) from new_rows except select unnest(search_words) from old_rows)
        as n(word)
    where not exists (select 1 from task_search_word s where s.word = n.word);
    return null;
end
$$;

-- statement triggers with transition tables: one insert of the new words per statement, however many tasks it writes
create trigger task_words_inserted after insert on task referencing new table as new_rows
    for each statement execute function ntm_task_words_inserted();
create trigger task_words_updated after update on task referencing old table as old_rows new table as new_rows
    for each statement execute function ntm_task_words_updated();

analyze task_search_word;
analyze task;
