/* fuzz_expr.c - the rule-expression compiler and evaluator.
 *
 * Input: one byte of options (bit 0: an amount rather than a condition;
 * bit 1: no symbols), one byte that picks the values, then the text of
 * the expression (up to its first NUL, as a YAML scalar would give it).
 * The symbols are the real ones of metrics.c.
 *
 * Invariants: no crash, leak or sanitizer report; a failure has a
 * message and an offset inside the text; a compiled expression has the
 * type asked for, reads only known slots, gives exactly 0 or 1 as a
 * condition and the same result twice. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "fuzz.h"
#include "metrics.h"
#include "report.h"

/* Checks one slot the expression reads. */
static void
fuzz_expr_slot(int slot, void *context)
{
	(void)context;
	if (slot < 0 || (size_t)slot >= metrics_count)
		fuzz_fail("expression reads slot %d of %zu", slot,
		    metrics_count);
}

/* Compiles and runs one expression. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static double values[EVALUATE_MAX_METRICS];
	const struct expr_symbols *symbols;
	enum expr_type want;
	struct expr *expression = NULL;
	size_t offset = (size_t)-1;
	char *text, *cause = NULL;

	if (size < 2)
		return 0;
	want = bytes[0] & 1 ? EXPR_NUMBER : EXPR_BOOL;
	symbols = bytes[0] & 2 ? NULL : metrics_symbols();
	text = fuzz_text(bytes + 2, size - 2);
	if (expr_compile(text, symbols, want, &expression, &offset,
	    &cause) != 0) {
		fuzz_compile_failure(expression, cause, offset, text);
		free(cause);
		free(text);
		return 0;
	}
	if (cause != NULL)
		fuzz_fail("success with a message: %s", cause);
	if (expr_result_type(expression) != want)
		fuzz_fail("wrong result type");
	expr_slots(expression, fuzz_expr_slot, NULL);
	fuzz_values(values, metrics_count, bytes[1]);
	double first = expr_evaluate(expression, values);
	double second = expr_evaluate(expression, values);
	if (!(first == second || (isnan(first) && isnan(second))))
		fuzz_fail("two evaluations differ: %g, %g", first, second);
	if (want == EXPR_BOOL && first != 0 && first != 1)
		fuzz_fail("a condition gave %g", first);
	expr_free(expression);
	free(text);
	return 0;
}
