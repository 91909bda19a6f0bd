/* csn-export.c: writes a draft as an .xlsx workbook the delegations can read, edit and send back. */
#define G_LOG_DOMAIN "csn-export"

#include "config.h"

#include "csn-export-private.h"

G_DEFINE_QUARK (csn-export-error-quark, csn_export_error)

/**
 * csn_export_xlsx:
 * @draft: the draft
 * @path: the workbook to write; an existing file is replaced only once the new one is complete
 * @language: the language of sheet names, headers and fixed labels
 * @progress: (nullable): called with the fraction done, in this thread
 *
 * Writes @draft as an .xlsx workbook. On failure @path is left as it was and @error names it.
 */
gboolean
csn_export_xlsx (CsnDraft              *draft,
                 const char            *path,
                 CsnLanguage            language,
                 CsnExportProgressFunc  progress,
                 gpointer               user_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(CsnExportSnapshot) snapshot = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language == CSN_LANGUAGE_ES || language == CSN_LANGUAGE_EN, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snapshot = csn_export_snapshot_new (draft, language);
  return csn_export_write_snapshot (snapshot, path, progress, user_data, cancellable, error);
}

/* Async */

/* Hands an export's progress from its worker thread to the caller's main context. */
struct _CsnExportRelay {
  GMainContext          *context;
  CsnExportProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_destroy;
  int                    last_percent;
};

typedef struct {
  CsnExportRelay *relay;
  double          fraction;
} ProgressReport;

typedef struct {
  gpointer       data;
  GDestroyNotify destroy;
} CallerData;

static gboolean
release_caller_data_cb (gpointer user_data)
{
  CallerData *caller = user_data;

  caller->destroy (caller->data);
  return G_SOURCE_REMOVE;
}

/* Runs @function in @context's own thread, never in this one, even when no thread owns it. */
static void
dispatch_in_context (GMainContext   *context,
                     GSourceFunc     function,
                     gpointer        data,
                     GDestroyNotify  destroy)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, function, data, destroy);
  g_source_set_static_name (source, "[consenso] export");
  g_source_attach (source, context);
}

/* Captures the calling thread's main context: @progress is called there, @progress_destroy too. */
CsnExportRelay *
csn_export_relay_new (CsnExportProgressFunc progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_destroy)
{
  CsnExportRelay *relay = g_atomic_rc_box_new0 (CsnExportRelay);

  relay->context = g_main_context_ref_thread_default ();
  relay->progress = progress;
  relay->progress_data = progress_data;
  relay->progress_destroy = progress_destroy;
  relay->last_percent = -1;
  return relay;
}

/* The last reference may go in the writing thread (the task ends there as often as not): the
 * caller's progress data, a window perhaps, goes back to the caller's context to be released. */
static void
relay_release (CsnExportRelay *relay)
{
  if (relay->progress_destroy != NULL)
    {
      CallerData *caller = g_new (CallerData, 1);

      caller->data = relay->progress_data;
      caller->destroy = relay->progress_destroy;
      dispatch_in_context (relay->context, release_caller_data_cb, caller, g_free);
    }
  g_main_context_unref (relay->context);
}

void
csn_export_relay_unref (CsnExportRelay *relay)
{
  g_atomic_rc_box_release_full (relay, (GDestroyNotify) relay_release);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->relay->progress (report->fraction, report->relay->progress_data);
  return G_SOURCE_REMOVE;
}

static void
free_progress_report (gpointer data)
{
  ProgressReport *report = data;

  csn_export_relay_unref (report->relay);
  g_free (report);
}

/* In the worker thread (one at a time): hands the fraction to the caller's context, once per percent. */
void
csn_export_relay_report (double   fraction,
                         gpointer user_data)
{
  CsnExportRelay *relay = user_data;
  int percent = (int) (fraction * 100);
  ProgressReport *report;

  if (relay->progress == NULL || percent == relay->last_percent)
    return;
  relay->last_percent = percent;

  report = g_new (ProgressReport, 1);
  report->relay = g_atomic_rc_box_acquire (relay);
  report->fraction = fraction;
  dispatch_in_context (relay->context, report_progress_cb, report, free_progress_report);
}

typedef struct {
  CsnExportSnapshot *snapshot;
  char              *path;
  CsnExportRelay    *relay;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  csn_export_snapshot_free (job->snapshot);
  g_free (job->path);
  csn_export_relay_unref (job->relay);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (csn_export_write_snapshot (job->snapshot, job->path, csn_export_relay_report, job->relay,
                                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * csn_export_xlsx_async_full:
 * @progress: (nullable): called in the thread-default main context of the caller
 * @progress_destroy: (nullable): frees @progress_data, in that context too
 *
 * Copies what the workbook needs from @draft now, in this thread, and writes it in another, which
 * starts on each table as soon as it is copied: the draft may change once this returns, and the
 * export keeps no reference to it (the task has no source object), so the draft is never finalized
 * in the writing thread.
 */
void
csn_export_xlsx_async_full (CsnDraft              *draft,
                            const char            *path,
                            CsnLanguage            language,
                            CsnExportProgressFunc  progress,
                            gpointer               progress_data,
                            GDestroyNotify         progress_destroy,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (path != NULL);
  g_return_if_fail (language == CSN_LANGUAGE_ES || language == CSN_LANGUAGE_EN);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ExportJob, 1);
  job->snapshot = csn_export_snapshot_new_head (draft, language);
  job->path = g_strdup (path);
  job->relay = csn_export_relay_new (progress, progress_data, progress_destroy);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_export_xlsx_async_full);
  g_task_set_name (task, "csn_export_xlsx_async");
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);

  /* The writer starts on the summary while the tables are copied here, each handed to it once
   * complete; this thread never waits for it. The task (and with it the snapshot) lives at least
   * until the last table is in, even when the writer stops before. */
  csn_export_snapshot_add_tables (job->snapshot, draft);
}

void
csn_export_xlsx_async (CsnDraft            *draft,
                       const char          *path,
                       CsnLanguage          language,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  csn_export_xlsx_async_full (draft, path, language, NULL, NULL, NULL,
                              cancellable, callback, user_data);
}

gboolean
csn_export_xlsx_finish (GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_export_xlsx_async_full, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

