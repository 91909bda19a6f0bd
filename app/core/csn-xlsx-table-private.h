/* csn-xlsx-table-private.h: how the workbook reader fills a CsnXlsxTable. */
#pragma once

#include "csn-xlsx-table.h"

G_BEGIN_DECLS

CsnXlsxTable *csn_xlsx_table_new             (const char      *display_name,
                                              const char      *sheet_name,
                                              gboolean         date1904,
                                              GBytes          *shared_texts);
CsnXlsxCell  *csn_xlsx_table_add_cell        (CsnXlsxTable    *self,
                                              guint            row,
                                              guint            column,
                                              CsnXlsxCellType  type,
                                              const char      *text,
                                              gsize            length);
CsnXlsxCell  *csn_xlsx_table_add_shared_cell (CsnXlsxTable    *self,
                                              guint            row,
                                              guint            column,
                                              CsnXlsxCellType  type,
                                              const char      *text);
void          csn_xlsx_table_reserve         (CsnXlsxTable    *self,
                                              guint            n_cells);
void          csn_xlsx_table_add_hidden_row  (CsnXlsxTable    *self,
                                              guint            row);
void          csn_xlsx_table_set_protected   (CsnXlsxTable    *self,
                                              gboolean         protected);
void          csn_xlsx_table_finish          (CsnXlsxTable    *self);

G_END_DECLS
