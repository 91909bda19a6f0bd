/* csn-delegation-export.c: writes a workbook for each member state's delegation to answer in, each in
 * the language that country reads, all from one or two shared bases. */
#define G_LOG_DOMAIN "csn-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "csn-country.h"
#include "csn-delegation-export.h"
#include "csn-export-private.h"
#include "csn-lineage.h"
#include "csn-meeting.h"
#include "csn-safe-file.h"
#include "csn-zip-parts.h"

#define FILE_NAME_MAX_CHARS 60
#define N_LANGUAGES         2  /* Spanish and English, the CRM's working languages */

/* What every workbook of an export run needs to be written, copied from the draft. */
typedef struct {
  CsnLanguage          language;
  CsnExportDelegation *delegation;
  char                *path;
  char                *temp;        /* written, not yet renamed over @path */
} Workbook;

typedef struct {
  char              *dir;
  CsnExportSnapshot *snapshots[N_LANGUAGES];  /* by language; NULL when no country reads it */
  GPtrArray         *workbooks;     /* Workbook */
  CsnExportStamp     stamp;
} Plan;

static void
workbook_free (gpointer data)
{
  Workbook *workbook = data;

  csn_export_delegation_free (workbook->delegation);
  if (workbook->temp != NULL)
    g_unlink (workbook->temp);
  g_free (workbook->temp);
  g_free (workbook->path);
  g_free (workbook);
}

static void
plan_free (Plan *plan)
{
  g_ptr_array_unref (plan->workbooks);
  for (guint i = 0; i < N_LANGUAGES; i++)
    g_clear_pointer (&plan->snapshots[i], csn_export_snapshot_free);
  g_free (plan->stamp.draft_id);
  g_free (plan->stamp.draft_revision);
  g_free (plan->stamp.title_hash);
  g_free (plan->stamp.revision);
  g_free (plan->stamp.exported);
  g_free (plan->dir);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

/**
 * csn_export_get_country_language:
 * @code: a country's ISO 3166 code
 *
 * Returns: the working language @code's authorities read: English for Belize, Canada and the United
 *   States, Spanish for the other member states.
 */
CsnLanguage
csn_export_get_country_language (const char *code)
{
  static const char * const english[] = { "BZ", "CA", "US", NULL };

  g_return_val_if_fail (code != NULL, CSN_LANGUAGE_ES);

  return g_strv_contains (english, code) ? CSN_LANGUAGE_EN : CSN_LANGUAGE_ES;
}

/* The draft's id, the same in every co-chair's copy and across edits; NULL before its first save. */
const char *
csn_export_get_draft_id (CsnDraft *draft)
{
  CsnLineage *lineage = csn_draft_get_lineage (draft);

  return csn_lineage_is_known (lineage) ? csn_lineage_get_draft_id (lineage) : NULL;
}

/* What stands for the draft's identity when one side has no lineage yet: its meeting's title. */
char *
csn_export_dup_title_hash (CsnDraft *draft)
{
  const char *title = csn_meeting_get_title (csn_draft_get_meeting (draft));

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
}

/*
 * "Republica Dominicana (DO).xlsx": the country's name in @language, in letters, digits, spaces,
 * dots and dashes that every system, mail program and archive keeps; never a reserved name.
 */
char *
csn_export_dup_delegation_file (CsnCountry  *country,
                                CsnLanguage  language)
{
  const char *code = csn_country_get_code (country);
  const char *name = csn_country_get_name (country, language);
  g_autofree char *ascii = NULL;
  g_autofree char *safe_code = NULL;
  GString *file = g_string_new (NULL);
  guint n_chars = 0;

  g_return_val_if_fail (CSN_IS_COUNTRY (country), NULL);

  if (name == NULL || name[0] == '\0')
    name = csn_country_get_name (country, csn_language_get_other (language));
  ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  for (const char *p = ascii; *p != '\0' && n_chars < FILE_NAME_MAX_CHARS; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_')
        g_string_append_c (file, *p);
      else if (file->len > 0 && file->str[file->len - 1] != ' ')
        g_string_append_c (file, ' ');
      else
        continue;
      n_chars++;
    }
  /* No name may end in a dot or a space on Windows. */
  while (file->len > 0 && (file->str[file->len - 1] == ' ' || file->str[file->len - 1] == '.'))
    g_string_truncate (file, file->len - 1);
  while (file->len > 0 && file->str[0] == '.')
    g_string_erase (file, 0, 1);

  safe_code = g_str_to_ascii (code != NULL ? code : "", "C");
  g_strcanon (safe_code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", '_');
  if (file->len == 0)
    g_string_append (file, safe_code[0] != '\0' ? safe_code : "country");
  else if (safe_code[0] != '\0')
    g_string_append_printf (file, " (%s)", safe_code);
  g_string_append (file, ".xlsx");
  return g_string_free (file, FALSE);
}

static void
stamp_init (CsnExportStamp *stamp,
            CsnDraft       *draft)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  CsnLineage *lineage = csn_draft_get_lineage (draft);

  stamp->draft_id = g_strdup (csn_export_get_draft_id (draft));
  stamp->draft_revision = g_strdup (csn_lineage_is_known (lineage) ? csn_lineage_get_revision (lineage) : NULL);
  stamp->title_hash = csn_export_dup_title_hash (draft);
  stamp->revision = g_uuid_string_random ();
  stamp->exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_strlcpy (stamp->date, date, sizeof stamp->date);
}

static Plan *
plan_new (CsnDraft   *draft,
          const char *dir,
          int         language,
          GError    **error)
{
  g_autoptr(Plan) plan = g_new0 (Plan, 1);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);

  plan->dir = g_strdup (dir);
  plan->workbooks = g_ptr_array_new_with_free_func (workbook_free);
  stamp_init (&plan->stamp, draft);

  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      g_autofree char *file = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *folded = NULL;
      Workbook *workbook;

      if (csn_country_get_membership (country) != CSN_MEMBERSHIP_MEMBER)
        continue;
      workbook = g_new0 (Workbook, 1);
      workbook->language = language == CSN_EXPORT_LANGUAGE_PER_COUNTRY
                           ? csn_export_get_country_language (csn_country_get_code (country))
                           : (CsnLanguage) language;
      if (plan->snapshots[workbook->language] == NULL)
        plan->snapshots[workbook->language] = csn_export_snapshot_new_for_answers (draft, workbook->language);
      workbook->delegation = csn_export_delegation_new (plan->snapshots[workbook->language], draft, country,
                                                        &plan->stamp);

      /* Two countries whose names read alike (ignoring case, as some systems do) get numbered files. */
      file = csn_export_dup_delegation_file (country, workbook->language);
      stem = g_strndup (file, strlen (file) - strlen (".xlsx"));
      for (guint k = 2;; k++)
        {
          g_free (folded);
          folded = g_ascii_strdown (file, -1);
          if (!g_hash_table_contains (taken, folded))
            break;
          g_free (file);
          file = g_strdup_printf ("%s %u.xlsx", stem, k);
        }
      g_hash_table_add (taken, g_steal_pointer (&folded));
      workbook->path = g_build_filename (dir, file, NULL);
      g_ptr_array_add (plan->workbooks, workbook);
    }

  if (plan->workbooks->len == 0)
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_NO_DELEGATIONS,
                   /* Translators: %s is the folder the workbooks were to go to */
                   _("Cannot export to %s: the draft has no member states"), display);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

/* The tables on which a member state has no position: their sheets come from its language's base. */
static guint
stubbed_tables (Workbook *workbook)
{
  GPtrArray *answers = workbook->delegation->answers;
  guint stubs = 0;

  for (guint t = 0; t < answers->len; t++)
    if (g_ptr_array_index (answers, t) == NULL)
      stubs |= 1u << t;
  return stubs;
}

static char *
create_temp (const char  *target,
             GError     **error)
{
  int fd = -1;
  char *temp = csn_safe_file_create_temp (target, &fd, error);

  if (temp != NULL)
    close (fd);
  return temp;
}

/* The sheets of a language's tables, with no member state's positions, written once and kept compressed. */
static CsnZipParts *
write_base (Plan               *plan,
            CsnExportSnapshot  *snapshot,
            GStrv               part_names,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autofree char *target = g_build_filename (plan->dir, "base.xlsx", NULL);
  g_autofree char *temp = create_temp (target, error);
  CsnZipParts *parts;

  if (temp == NULL)
    return NULL;
  if (!csn_export_write_workbook (snapshot, NULL, 0, temp, plan->dir, cancellable, error))
    {
      g_unlink (temp);
      return NULL;
    }
  parts = csn_zip_parts_read (temp, (const char * const *) part_names, error);
  g_unlink (temp);
  return parts;
}

static gboolean
write_one (Plan          *plan,
           Workbook      *workbook,
           CsnZipParts   *base,
           GStrv          part_names,
           GCancellable  *cancellable,
           GError       **error)
{
  CsnExportSnapshot *snapshot = plan->snapshots[workbook->language];
  guint stubs = stubbed_tables (workbook);
  g_autofree char *own = create_temp (workbook->path, error);
  g_autoptr(GPtrArray) taken = NULL;
  g_autoptr(GError) local_error = NULL;
  char *assembled;

  if (own == NULL)
    return FALSE;
  if (!csn_export_write_workbook (snapshot, workbook->delegation, stubs, own, workbook->path, cancellable,
                                  error))
    {
      g_unlink (own);
      return FALSE;
    }
  if (stubs == 0)
    {
      workbook->temp = g_steal_pointer (&own);
      return TRUE;
    }

  taken = g_ptr_array_new ();
  for (guint t = 0; t < snapshot->tables->len; t++)
    if (stubs & (1u << t))
      g_ptr_array_add (taken, part_names[t]);
  g_ptr_array_add (taken, NULL);

  assembled = create_temp (workbook->path, error);
  if (assembled == NULL ||
      !csn_zip_parts_assemble (own, base, (const char * const *) taken->pdata, assembled, &local_error))
    {
      g_unlink (own);
      if (assembled != NULL)
        g_unlink (assembled);
      g_free (assembled);
      if (local_error != NULL)
        csn_export_set_write_error (error, workbook->path, local_error->message);
      return FALSE;
    }
  g_unlink (own);
  workbook->temp = assembled;
  return TRUE;
}

/* An export run's work, shared by the threads that do it: the bases, then the workbooks. */
typedef struct {
  Plan                  *plan;
  CsnZipParts           *bases[N_LANGUAGES];
  GStrv                  part_names[N_LANGUAGES];
  guint                  base_languages[N_LANGUAGES];
  guint                  n_bases;
  GCancellable          *cancellable;
  CsnExportProgressFunc  progress;
  gpointer               progress_data;
  GMutex                 mutex;        /* guards what follows */
  GError                *error;        /* the first failure: the others stop */
  guint                  done;
  guint                  n_steps;
  gint                   next;         /* the next job, taken atomically */
  gboolean               writing;      /* the bases are done: the jobs are workbooks */
} Run;

/* A base costs about as much as the workbooks of five countries without positions. */
#define BASE_STEPS 5

static gboolean
run_failed (Run *run)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&run->mutex);

  return run->error != NULL;
}

static void
run_finish_job (Run     *run,
                guint    steps,
                GError  *error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&run->mutex);

  if (error != NULL)
    {
      if (run->error == NULL)
        run->error = error;
      else
        g_error_free (error);
      return;
    }
  run->done += steps;
  /* The caller's progress function expects one call at a time. */
  if (run->progress != NULL && run->error == NULL)
    run->progress (0.99 * run->done / run->n_steps, run->progress_data);
}

static gpointer
run_worker (gpointer data)
{
  Run *run = data;
  guint i;

  for (;;)
    {
      GError *error = NULL;
      guint n_jobs = run->writing ? run->plan->workbooks->len : run->n_bases;

      i = (guint) g_atomic_int_add (&run->next, 1);
      if (i >= n_jobs || run_failed (run))
        return NULL;
      if (!run->writing)
        {
          guint l = run->base_languages[i];

          run->bases[l] = write_base (run->plan, run->plan->snapshots[l], run->part_names[l], run->cancellable,
                                      &error);
          run_finish_job (run, BASE_STEPS, error);
        }
      else
        {
          Workbook *workbook = g_ptr_array_index (run->plan->workbooks, i);

          write_one (run->plan, workbook, run->bases[workbook->language], run->part_names[workbook->language],
                     run->cancellable, &error);
          run_finish_job (run, 1, error);
        }
    }
}

/* Runs the jobs of the current stage side by side, one thread per processor. */
static void
run_stage (Run *run)
{
  guint n_jobs = run->writing ? run->plan->workbooks->len : run->n_bases;
  guint n_threads = MIN (n_jobs, (guint) g_get_num_processors ());
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  run->next = 0;
  for (guint t = 1; t < n_threads; t++)
    {
      GThread *thread = g_thread_try_new ("csn-export", run_worker, run, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  run_worker (run);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
}

/* Writes every workbook beside its target, then renames them all: a failure leaves the folder as it was. */
static char **
plan_run (Plan                  *plan,
          CsnExportProgressFunc  progress,
          gpointer               progress_data,
          GCancellable          *cancellable,
          GError               **error)
{
  Run run = { plan };
  g_autoptr(GStrvBuilder) written = g_strv_builder_new ();
  gboolean ok = TRUE;

  g_mutex_init (&run.mutex);
  run.cancellable = cancellable;
  run.progress = progress;
  run.progress_data = progress_data;
  run.n_steps = plan->workbooks->len;

  if (progress != NULL)
    progress (0.0, progress_data);
  if (g_mkdir_with_parents (plan->dir, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (plan->dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot export to %s: %s"), display, g_strerror (saved_errno));
      g_mutex_clear (&run.mutex);
      return NULL;
    }

  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      CsnExportSnapshot *snapshot = plan->snapshots[l];
      GStrvBuilder *names;
      gboolean needed = FALSE;

      if (snapshot == NULL)
        continue;
      names = g_strv_builder_new ();
      for (guint t = 0; t < snapshot->tables->len; t++)
        {
          g_autofree char *part = csn_export_dup_table_part (snapshot, t);

          g_strv_builder_add (names, part);
        }
      run.part_names[l] = g_strv_builder_end (names);
      g_strv_builder_unref (names);

      /* A language whose every country has positions on every table needs no base. */
      for (guint i = 0; i < plan->workbooks->len; i++)
        {
          Workbook *workbook = g_ptr_array_index (plan->workbooks, i);

          needed |= workbook->language == l && stubbed_tables (workbook) != 0;
        }
      if (needed)
        {
          run.base_languages[run.n_bases++] = l;
          run.n_steps += BASE_STEPS;
        }
    }

  run_stage (&run);
  if (run.error == NULL)
    {
      run.writing = TRUE;
      run_stage (&run);
    }
  if (run.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run.error));
      ok = FALSE;
    }

  for (guint i = 0; i < plan->workbooks->len && ok; i++)
    {
      Workbook *workbook = g_ptr_array_index (plan->workbooks, i);

      ok = csn_safe_file_commit (workbook->temp, workbook->path, FALSE, error);
      if (ok)
        {
          g_clear_pointer (&workbook->temp, g_free);
          g_strv_builder_add (written, workbook->path);
        }
    }

  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      g_clear_pointer (&run.bases[l], csn_zip_parts_free);
      g_strfreev (run.part_names[l]);
    }
  g_mutex_clear (&run.mutex);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_strv_builder_end (written);
}

/**
 * csn_export_delegations:
 * @dir: the folder to write the workbooks into
 * @language: a #CsnLanguage for every workbook, or %CSN_EXPORT_LANGUAGE_PER_COUNTRY
 * @progress: (nullable): called with the fraction done, in this thread
 *
 * Writes a workbook for each member state of @draft into @dir, named by the country
 * (csn_export_dup_delegation_file()). On failure no workbook in @dir is replaced, and the error
 * names the file or the folder.
 *
 * Returns: (transfer full) (nullable): the paths written
 */
char **
csn_export_delegations (CsnDraft              *draft,
                        const char            *dir,
                        int                    language,
                        CsnExportProgressFunc  progress,
                        gpointer               user_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(Plan) plan = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (language == CSN_EXPORT_LANGUAGE_PER_COUNTRY || language == CSN_LANGUAGE_ES ||
                        language == CSN_LANGUAGE_EN, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = plan_new (draft, dir, language, error);
  if (plan == NULL)
    return NULL;
  return plan_run (plan, progress, user_data, cancellable, error);
}

/* Async */

typedef struct {
  Plan           *plan;
  CsnExportRelay *relay;
} DelegationsJob;

static void
delegations_job_free (DelegationsJob *job)
{
  g_clear_pointer (&job->plan, plan_free);
  csn_export_relay_unref (job->relay);
  g_free (job);
}

static void
delegations_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DelegationsJob *job = task_data;
  GError *error = NULL;
  char **paths = plan_run (job->plan, csn_export_relay_report, job->relay, cancellable, &error);

  if (paths != NULL)
    g_task_return_pointer (task, paths, (GDestroyNotify) g_strfreev);
  else
    g_task_return_error (task, error);
}

/**
 * csn_export_delegations_async:
 * @progress: (nullable): called in the thread-default main context of the caller
 * @progress_destroy: (nullable): frees @progress_data, in that context too
 *
 * Copies what the workbooks need from @draft now, in this thread, and writes them in another; the
 * task keeps no reference to the draft.
 */
void
csn_export_delegations_async (CsnDraft              *draft,
                              const char            *dir,
                              int                    language,
                              CsnExportProgressFunc  progress,
                              gpointer               progress_data,
                              GDestroyNotify         progress_destroy,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  DelegationsJob *job;
  Plan *plan;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (dir != NULL);
  g_return_if_fail (language == CSN_EXPORT_LANGUAGE_PER_COUNTRY || language == CSN_LANGUAGE_ES ||
                    language == CSN_LANGUAGE_EN);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_export_delegations_async);
  g_task_set_name (task, "csn_export_delegations_async");

  plan = plan_new (draft, dir, language, &error);
  if (plan == NULL)
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (DelegationsJob, 1);
  job->plan = plan;
  job->relay = csn_export_relay_new (progress, progress_data, progress_destroy);
  g_task_set_task_data (task, job, (GDestroyNotify) delegations_job_free);
  g_task_run_in_thread (task, delegations_thread);
}

/* Returns: (transfer full) (nullable): the paths written */
char **
csn_export_delegations_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_export_delegations_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
