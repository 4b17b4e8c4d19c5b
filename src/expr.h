/* expr.h - the small expression language of data/rules.yaml: conditions
 * (when:) and weights.  An expression is compiled once, with every name
 * resolved to a slot of a values array, into a flat program that is then
 * evaluated as often as needed with no allocation and no lookup by name.
 *
 * Grammar (spaces, tabs and line breaks separate tokens):
 *
 *   expression := or
 *   or         := and { "or" and }
 *   and        := not { "and" not }
 *   not        := "not" not | comparison
 *   comparison := sum [ ("==" | "!=" | "<" | "<=" | ">" | ">=") sum ]
 *               | sum ["not"] "in" "[" literal { "," literal } "]"
 *   sum        := product { ("+" | "-") product }
 *   product    := unary { ("*" | "/") unary }
 *   unary      := "-" unary | primary
 *   primary    := number | string | "true" | "false" | name
 *               | function "(" expression { "," expression } ")"
 *               | "(" expression ")"
 *   literal    := ["-"] number | string
 *   number     := digits ["." digits] [("e" | "E") ["+" | "-"] digits]
 *                 ["k" | "M" | "B" | "%"]
 *   string     := "'" { any byte but "'" } "'" | '"' { any byte but '"' } '"'
 *   name       := (letter | "_") { letter | digit | "_" }
 *                 { "." (letter | digit | "_") { letter | digit | "_" } }
 *   function   := "min" | "max" | "abs"
 *
 * k, M and B multiply by a thousand, a million and a billion; % divides by
 * a hundred (30% is 0.3, 50M is 5e7).  Letters are ASCII.  and, or, not,
 * in, true, false, min, max and abs are reserved and cannot be names; a
 * dotted name is one token, so "cost.in" is an ordinary name.  A number
 * may not be followed directly by a letter, digit, "_", "." or "%"
 * ("10MB" and "0x10" are bad numbers).
 *
 * Types, checked at compile time:
 *   - arithmetic, unary minus, min, max, abs, < <= > >= take numbers;
 *   - and, or, not take true or false;
 *   - == and != compare a number with a number, true or false with true or
 *     false, a choice with a string naming one of its choices, or two
 *     choices with the same list of choices;
 *   - "in" takes a number with number literals, or a choice with strings
 *     naming its choices; a string may appear nowhere else;
 *   - min and max take two or more arguments, abs exactly one;
 *   - comparisons do not chain: "a < b < c" is an error;
 *   - the whole expression must have the type asked for (true or false for
 *     a condition, a number for a weight).
 *
 * Limits: at most EXPR_MAX_LENGTH bytes of text, EXPR_MAX_NODES nodes
 * (each number, string, name, operator, function call and list entry is
 * one node; a "-" right before a number is part of it) and EXPR_MAX_DEPTH
 * levels of nesting, where every "(" (also a function's), every "not" and
 * every unary "-" opens a level that lasts to the end of its operand: 32
 * nested parentheses are accepted, 33 are not.  Longer text is refused
 * before it is read, and deeper nesting at the token that would open
 * level 33, so hostile input costs neither time nor stack.
 *
 * Evaluation:
 *   - numbers are doubles; a choice is the index of its name in the
 *     symbol's list, as a double; true and false are 1.0 and 0.0;
 *   - a name of type EXPR_BOOL is true when its value is neither 0 nor NaN;
 *   - division by zero yields NaN (also 0 / 0 and x / -0); other arithmetic
 *     follows IEEE 754 (overflow gives an infinity);
 *   - every comparison with a NaN operand is false: ==, !=, <, <=, >, >=,
 *     "in" and "not in" alike, so "x / 0 > 1" and "x / 0 != 1" are false
 *     and "not (x / 0 > 1)" is true;
 *   - "and" and "or" stop as soon as the result is known: the right side is
 *     not evaluated (its slots are not read);
 *   - min and max ignore NaN arguments unless all of them are NaN; abs of
 *     NaN is NaN.
 * Results of type EXPR_BOOL are exactly 1.0 or 0.0. */
#ifndef LLMADVISOR_EXPR_H
#define LLMADVISOR_EXPR_H

#include <stddef.h>

/* Longest expression text accepted, in bytes. */
#define EXPR_MAX_LENGTH 4096
/* Most nodes in one expression. */
#define EXPR_MAX_NODES 512
/* Deepest nesting of "(", "not" and unary "-". */
#define EXPR_MAX_DEPTH 32

enum expr_type {
	EXPR_NUMBER,
	EXPR_BOOL,
	EXPR_CHOICE,
};

/* A name the expressions may use, and where its value lives. */
struct expr_symbol {
	const char *name;		/* dotted: "volume.total", "privacy" */
	enum expr_type type;
	int slot;			/* index into the values array */
	const char *const *choices;	/* EXPR_CHOICE: NULL-ended names; the
					 * slot holds the index as a double */
};

struct expr_symbols {
	const struct expr_symbol *symbols;
	size_t count;
};

struct expr;

/* Compiles text into *out, which must have type want (EXPR_BOOL for a
 * condition, EXPR_NUMBER for a weight).  On error returns -1, sets *out to
 * NULL, *cause to a message without position and *error_offset to the
 * byte offset in text where the problem is (cause and error_offset may be
 * NULL).  symbols may be NULL when no names are known; the symbols' names
 * and choices must outlive the expression. */
int expr_compile(const char *text, const struct expr_symbols *symbols,
	enum expr_type want, struct expr **out, size_t *error_offset,
	char **cause);
/* Evaluates the expression with values[slot] for every name it reads.  No
 * allocation, no recursion; safe to call from several threads at once. */
double expr_evaluate(const struct expr *, const double *values);
/* The type of the result: the want given to expr_compile. */
enum expr_type expr_result_type(const struct expr *);
/* Releases the expression; NULL is allowed. */
void expr_free(struct expr *);
/* Calls visit once for each distinct slot the expression may read, in the
 * order the names first appear in the text. */
void expr_slots(const struct expr *, void (*visit)(int slot, void *context),
	void *context);

/* Helpers shared with template.c. */
/* The symbol called exactly name[0..length), or NULL. */
const struct expr_symbol *expr_symbol_find(const struct expr_symbols *,
	const char *name, size_t length);
/* Sets *cause to "unknown name 'NAME'", adding "(did you mean 'X'?)" when
 * a symbol's name is a small edit away. */
void expr_error_unknown_name(char **cause, const struct expr_symbols *,
	const char *name, size_t length);

#endif
