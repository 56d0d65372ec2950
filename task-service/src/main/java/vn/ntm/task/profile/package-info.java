/**
 * A commune's profile ({@code GET /communes/{code}/profile}): the unit a code means on a day, its lineage in the
 * register copy, the latest result of each criterion across the lineage's inspections ({@code LatestResults}, pure),
 * the tier reached, the open work of the lineage the caller may see and the history of inspections. Reads only:
 * the inspections task-service recorded ({@code intake}), the register and catalog copies, the tasks.
 */
package vn.ntm.task.profile;
