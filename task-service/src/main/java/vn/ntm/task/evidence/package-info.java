/**
 * Evidence files of a task: upload (sniffed, checksummed), list and download, and the orphan sweep of the S3 store.
 */
package vn.ntm.task.evidence;
