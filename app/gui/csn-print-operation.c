/* csn-print-operation.c: the recommendations document sent to a printer: the same pages as the
 * PDF, laid out again on the paper the print dialog chose. */
#define G_LOG_DOMAIN "csn-print-operation"

#include "config.h"

#include "csn-document.h"
#include "csn-meeting.h"
#include "csn-print-operation.h"

/* The smallest paper the pages accept: room for the margins and a table's narrowest column. */
#define MIN_PAPER_WIDTH  (2 * CSN_PAGE_MARGIN_SIDE + 144)
#define MIN_PAPER_HEIGHT 288.0

struct _CsnPrintOperation
{
  GtkPrintOperation  parent_instance;

  CsnDocument       *document;
  CsnDocumentPages  *pages;
};

G_DEFINE_FINAL_TYPE (CsnPrintOperation, csn_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The paper is known only now, after the print dialog: the pages are laid out on it. */
static void
csn_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  CsnPrintOperation *self = CSN_PRINT_OPERATION (operation);
  double width = MAX (gtk_print_context_get_width (context), MIN_PAPER_WIDTH);
  double height = MAX (gtk_print_context_get_height (context), MIN_PAPER_HEIGHT);

  g_clear_object (&self->pages);
  self->pages = csn_document_pages_new_for_size (self->document, width, height);
  gtk_print_operation_set_n_pages (operation, csn_document_pages_get_n_pages (self->pages));
}

static void
csn_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  CsnPrintOperation *self = CSN_PRINT_OPERATION (operation);

  csn_document_pages_draw_page (self->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
csn_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  g_clear_object (&CSN_PRINT_OPERATION (operation)->pages);
}

static void
csn_print_operation_finalize (GObject *object)
{
  CsnPrintOperation *self = CSN_PRINT_OPERATION (object);

  g_clear_object (&self->pages);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (csn_print_operation_parent_class)->finalize (object);
}

static void
csn_print_operation_class_init (CsnPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = csn_print_operation_finalize;
  operation_class->begin_print = csn_print_operation_begin_print;
  operation_class->draw_page = csn_print_operation_draw_page;
  operation_class->end_print = csn_print_operation_end_print;
}

static void
csn_print_operation_init (CsnPrintOperation *self)
{
  /* The pages draw in points from the paper's corner, their own margins included. */
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * csn_print_operation_new:
 * @draft: the draft, read now: it may change while the dialog is open
 * @language: the document's language
 * @paper: the paper the print dialog proposes
 *
 * A print operation on the recommendations document, named after the meeting.
 */
CsnPrintOperation *
csn_print_operation_new (CsnDraft    *draft,
                         CsnLanguage  language,
                         CsnPaper     paper)
{
  CsnPrintOperation *self;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  const char *title;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  self = g_object_new (CSN_TYPE_PRINT_OPERATION, NULL);
  self->document = csn_document_new (draft, language);

  title = csn_meeting_get_title (csn_draft_get_meeting (draft));
  if (title == NULL || title[0] == '\0')
    title = csn_document_get_title (self->document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);

  paper_size = gtk_paper_size_new (paper == CSN_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, paper_size);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  return self;
}

CsnDocument *
csn_print_operation_get_document (CsnPrintOperation *self)
{
  g_return_val_if_fail (CSN_IS_PRINT_OPERATION (self), NULL);
  return self->document;
}
