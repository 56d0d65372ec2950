/**
 * What every feature shares, below them all: the {@code Task} entity, its statuses and transitions, its cooperating
 * departments, the caller, which tasks it may see ({@code TaskVisibility}) and act on ({@code TaskAccess}), the
 * journal that writes a history entry with its event, the names every writer of a task records for the search
 * ({@code SearchNames}), the clock and the input limits. Imports no feature package.
 */
package vn.ntm.task.shared;
