/* data_private.h - what data.c shares with data_prices.c, the reader of
 * the prices.yaml overlay.  Not for other files. */
#ifndef LLMADVISOR_DATA_PRIVATE_H
#define LLMADVISOR_DATA_PRIVATE_H

#include "data.h"
#include "doc.h"

/* Where a model keeps a price and its "present" flag (NULL for the two
 * prices every priced model has). */
void data_price_slot(struct model *, enum data_price, struct figure **figure,
	bool **has);
/* Reads and checks one figure record (key, strings in arena) without
 * registering it. */
int data_figure_parse(struct arena *, const struct doc *,
	const struct doc_node *, const char *key, const char *unit,
	struct figure *, char **cause);
/* Gives a parsed figure the next index, so samples and reports see it. */
int data_register(struct data *, struct figure *, char **cause);
/* Reads a required text member of a mapping. */
int data_member_string(const struct doc *, const struct doc_node *mapping,
	const char *member, const char *what, const char **value,
	char **cause);
/* Keeps a warning (a message that quotes a data file: its control
 * characters are escaped) for the caller to show; the run goes on. */
void data_warn(struct data *, const char *message);

#endif
