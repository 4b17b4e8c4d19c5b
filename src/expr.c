/* expr.c - compiles rule expressions into a flat stack program and runs it
 * (the language and its semantics are described in expr.h).
 *
 * Compiling is a recursive descent over the grammar that builds a small
 * tree in a fixed array of EXPR_MAX_NODES nodes, checking types as it
 * goes; recursion is bounded because every construct that nests ("(",
 * "not", unary "-") counts against EXPR_MAX_DEPTH before going deeper.
 * The tree is then written out as instructions in postfix order, with
 * forward jumps for "and" and "or".  Running the program needs a stack of
 * at most one entry per node, so it lives on the C stack. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "i18n.h"
#include "util.h"

/* Longest piece of the text quoted in a message, in bytes. */
#define EXPR_QUOTE_MAX 40
/* Names longer than this get no "did you mean" suggestion. */
#define EXPR_SUGGEST_MAX 64
/* Most instructions: every node writes at most two (see expr_emit). */
#define EXPR_MAX_CODE (2 * EXPR_MAX_NODES + 1)

enum expr_token_kind {
	TOKEN_END,
	TOKEN_NUMBER,
	TOKEN_STRING,
	TOKEN_NAME,
	TOKEN_AND,
	TOKEN_OR,
	TOKEN_NOT,
	TOKEN_IN,
	TOKEN_TRUE,
	TOKEN_FALSE,
	TOKEN_MIN,
	TOKEN_MAX,
	TOKEN_ABS,
	TOKEN_PLUS,
	TOKEN_MINUS,
	TOKEN_TIMES,
	TOKEN_DIVIDE,
	TOKEN_EQUAL,
	TOKEN_NOT_EQUAL,
	TOKEN_LESS,
	TOKEN_LESS_EQUAL,
	TOKEN_GREATER,
	TOKEN_GREATER_EQUAL,
	TOKEN_OPEN,
	TOKEN_CLOSE,
	TOKEN_OPEN_BRACKET,
	TOKEN_CLOSE_BRACKET,
	TOKEN_COMMA,
};

struct expr_token {
	enum expr_token_kind kind;
	size_t offset;			/* first byte in the text */
	size_t length;			/* bytes, quotes included */
	double number;			/* TOKEN_NUMBER: its value */
};

/* The reserved words and what they are. */
static const struct {
	const char *word;
	enum expr_token_kind kind;
} expr_keywords[] = {
	{ "and", TOKEN_AND }, { "or", TOKEN_OR }, { "not", TOKEN_NOT },
	{ "in", TOKEN_IN }, { "true", TOKEN_TRUE }, { "false", TOKEN_FALSE },
	{ "min", TOKEN_MIN }, { "max", TOKEN_MAX }, { "abs", TOKEN_ABS },
};

enum expr_opcode {
	OP_END,			/* the result is the only entry on the stack */
	OP_CONSTANT,		/* push number */
	OP_LOAD,		/* push values[operand] */
	OP_LOAD_BOOL,		/* push values[operand] as 1 or 0 */
	OP_NEGATE,
	OP_ADD,
	OP_SUBTRACT,
	OP_MULTIPLY,
	OP_DIVIDE,
	OP_EQUAL,
	OP_NOT_EQUAL,
	OP_LESS,
	OP_LESS_EQUAL,
	OP_GREATER,
	OP_GREATER_EQUAL,
	OP_NOT,
	OP_AND,			/* top false: jump to operand, keeping it */
	OP_OR,			/* top true: jump to operand, keeping it */
	OP_IN,			/* the next operand instructions are the list */
	OP_NOT_IN,
	OP_ENTRY,		/* one number of an in list; never run */
	OP_MIN,
	OP_MAX,
	OP_ABS,
	/* Fused forms of "values[operand] OP number" for the common case of
	 * a name compared with a literal. */
	OP_LOAD_EQUAL,
	OP_LOAD_NOT_EQUAL,
	OP_LOAD_LESS,
	OP_LOAD_LESS_EQUAL,
	OP_LOAD_GREATER,
	OP_LOAD_GREATER_EQUAL,
};

struct expr_instruction {
	enum expr_opcode opcode;
	int operand;			/* slot, jump target or list length */
	double number;			/* constant, list entry or comparand */
};

struct expr {
	enum expr_type type;
	size_t slot_count;
	const int *slots;		/* distinct, in order of the text */
	size_t code_length;
	struct expr_instruction code[];
};

enum expr_node_kind {
	NODE_CONSTANT,			/* a number, true, false or a choice */
	NODE_STRING,			/* not yet matched to a choice */
	NODE_NAME,
	NODE_UNARY,			/* OP_NEGATE or OP_NOT of first */
	NODE_BINARY,			/* arithmetic or comparison */
	NODE_LOGIC,			/* OP_AND or OP_OR */
	NODE_IN,			/* first in the list at second */
	NODE_CALL,			/* OP_MIN, OP_MAX or OP_ABS */
};

struct expr_node {
	enum expr_node_kind kind;
	enum expr_opcode opcode;
	enum expr_type type;
	size_t start;			/* first byte of the node's text */
	size_t at;			/* its operator, name or quote */
	size_t length;			/* NODE_STRING: bytes between quotes */
	double number;			/* NODE_CONSTANT */
	const struct expr_symbol *symbol;	/* NODE_NAME */
	int first, second;		/* operands, or -1 */
	int next;			/* following argument or entry, or -1 */
};

struct expr_parser {
	const char *text;
	const struct expr_symbols *symbols;
	struct expr_token token;	/* the token being looked at */
	int depth;
	size_t node_count;
	struct expr_node nodes[EXPR_MAX_NODES];
	struct expr_instruction code[EXPR_MAX_CODE];
	size_t code_length;
	int slots[EXPR_MAX_NODES];
	size_t slot_count;
	bool quiet;			/* peeking: errors are not recorded */
	size_t error_offset;
	char **cause;
};

static int expr_parse_or(struct expr_parser *);
static int expr_parse_comparison(struct expr_parser *);
static int expr_parse_sum(struct expr_parser *);
static int expr_parse_unary(struct expr_parser *);
static void expr_emit(struct expr_parser *, int);

/* Letters, digits and '_' make up names; letters are ASCII only. */
static bool
expr_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* ASCII digits only: no locale involved. */
static bool
expr_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A byte that may continue a name (or wrongly follow a number). */
static bool
expr_is_word(char c)
{
	return expr_is_letter(c) || expr_is_digit(c);
}

/* How many bytes of a piece of text a message quotes: at most
 * EXPR_QUOTE_MAX, not cutting a UTF-8 sequence in two. */
static int
expr_quote_length(const char *text, size_t length)
{
	if (length <= EXPR_QUOTE_MAX)
		return (int)length;
	length = EXPR_QUOTE_MAX;
	while (length > 0 && ((unsigned char)text[length] & 0xc0) == 0x80)
		length--;
	return (int)length;
}

/* "..." after a quoted piece that was cut, else nothing. */
static const char *
expr_quote_tail(size_t length)
{
	return length > EXPR_QUOTE_MAX ? "..." : "";
}

/* Records an error at offset; always returns -1. */
static int __attribute__((format(printf, 3, 4)))
expr_fail(struct expr_parser *p, size_t offset, const char *format, ...)
{
	struct buffer message;
	va_list args;

	if (p->quiet)
		return -1;
	buffer_init(&message);
	va_start(args, format);
	buffer_vprintf(&message, format, args);
	va_end(args);
	if (message.failed || message.data == NULL)
		util_error(p->cause, "%s", _("out of memory"));
	else
		util_error(p->cause, "%s", message.data);
	buffer_free(&message);
	p->error_offset = offset;
	return -1;
}

/* Reports the current token as out of place. */
static int
expr_fail_unexpected(struct expr_parser *p)
{
	const struct expr_token *t = &p->token;
	const char *text = p->text + t->offset;
	if (t->kind == TOKEN_END)
		return expr_fail(p, t->offset,
		    _("unexpected end of expression"));
	return expr_fail(p, t->offset, _("unexpected '%.*s%s'"),
	    expr_quote_length(text, t->length), text,
	    expr_quote_tail(t->length));
}

/* Reports a byte that starts no token, with a hint for the operators of
 * other languages. */
static int
expr_fail_byte(struct expr_parser *p, size_t offset)
{
	const unsigned char *s = (const unsigned char *)p->text + offset;
	size_t length = 1;

	switch (*s) {
	case '=':
		return expr_fail(p, offset,
		    _("unexpected '=' (use '==' to compare)"));
	case '!':
		return expr_fail(p, offset,
		    _("unexpected '!' (use 'not' or '!=')"));
	case '&':
		return expr_fail(p, offset, _("unexpected '%s' (use 'and')"),
		    s[1] == '&' ? "&&" : "&");
	case '|':
		return expr_fail(p, offset, _("unexpected '%s' (use 'or')"),
		    s[1] == '|' ? "||" : "|");
	default:
		break;
	}
	/* Quote a whole UTF-8 character; show other bytes in hex. */
	if (*s >= 0xc2 && *s <= 0xf4) {
		while (length < 4 && (s[length] & 0xc0) == 0x80)
			length++;
		return expr_fail(p, offset, _("unexpected '%.*s'"), (int)length,
		    (const char *)s);
	}
	if (*s < 0x20 || *s >= 0x7f)
		return expr_fail(p, offset, _("unexpected byte 0x%02x"), *s);
	return expr_fail(p, offset, _("unexpected '%c'"), *s);
}

/* Reads a number token: digits, decimals, exponent, one suffix. */
static int
expr_lex_number(struct expr_parser *p, struct expr_token *token)
{
	const char *start = p->text + token->offset, *s = start;
	char digits[65];
	double value, multiplier = 1, divisor = 1;
	size_t length;

	while (expr_is_digit(*s))
		s++;
	if (*s == '.') {
		s++;
		if (!expr_is_digit(*s))
			goto bad;
		while (expr_is_digit(*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		const char *exponent = s + 1;
		if (*exponent == '+' || *exponent == '-')
			exponent++;
		if (!expr_is_digit(*exponent))
			goto bad;
		s = exponent;
		while (expr_is_digit(*s))
			s++;
	}
	length = (size_t)(s - start);
	switch (*s) {
	case 'k':
		multiplier = 1e3;
		s++;
		break;
	case 'M':
		multiplier = 1e6;
		s++;
		break;
	case 'B':
		multiplier = 1e9;
		s++;
		break;
	case '%':
		divisor = 100;
		s++;
		break;
	default:
		break;
	}
	if (expr_is_word(*s) || *s == '.' || *s == '%')
		goto bad;
	if (length >= sizeof digits)
		goto bad;
	memcpy(digits, start, length);
	digits[length] = '\0';
	if (util_parse_number(digits, false, &value) != 0)
		goto bad;
	/* Dividing keeps 30% exactly the double nearest 0.3. */
	value = value * multiplier / divisor;
	if (!isfinite(value))
		goto bad;
	token->kind = TOKEN_NUMBER;
	token->length = (size_t)(s - start);
	token->number = value;
	return 0;
bad:
	while (expr_is_word(*s) || *s == '.' || *s == '%')
		s++;
	length = (size_t)(s - start);
	return expr_fail(p, token->offset, _("bad number '%.*s%s'"),
	    expr_quote_length(start, length), start, expr_quote_tail(length));
}

/* Reads a name, which may be a reserved word. */
static void
expr_lex_name(struct expr_parser *p, struct expr_token *token)
{
	const char *start = p->text + token->offset, *s = start;

	while (expr_is_word(*s))
		s++;
	while (*s == '.' && expr_is_word(s[1])) {
		s += 2;
		while (expr_is_word(*s))
			s++;
	}
	token->kind = TOKEN_NAME;
	token->length = (size_t)(s - start);
	for (size_t i = 0; i < sizeof expr_keywords / sizeof expr_keywords[0];
	    i++) {
		const char *word = expr_keywords[i].word;
		if (strlen(word) == token->length &&
		    memcmp(word, start, token->length) == 0) {
			token->kind = expr_keywords[i].kind;
			break;
		}
	}
}

/* Reads the token at or after offset (skipping white space). */
static int
expr_lex(struct expr_parser *p, size_t offset, struct expr_token *token)
{
	const char *text = p->text;
	char c;

	while (text[offset] == ' ' || text[offset] == '\t' ||
	    text[offset] == '\n' || text[offset] == '\r')
		offset++;
	c = text[offset];
	token->offset = offset;
	token->length = 1;
	token->number = 0;
	if (c == '\0') {
		token->kind = TOKEN_END;
		token->length = 0;
		return 0;
	}
	if (expr_is_digit(c))
		return expr_lex_number(p, token);
	if (expr_is_letter(c)) {
		expr_lex_name(p, token);
		return 0;
	}
	switch (c) {
	case '"':
	case '\'': {
		const char *close = strchr(text + offset + 1, c);
		if (close == NULL)
			return expr_fail(p, offset, _("unterminated string"));
		token->kind = TOKEN_STRING;
		token->length = (size_t)(close - (text + offset)) + 1;
		return 0;
	}
	case '+':
		token->kind = TOKEN_PLUS;
		return 0;
	case '-':
		token->kind = TOKEN_MINUS;
		return 0;
	case '*':
		token->kind = TOKEN_TIMES;
		return 0;
	case '/':
		token->kind = TOKEN_DIVIDE;
		return 0;
	case '(':
		token->kind = TOKEN_OPEN;
		return 0;
	case ')':
		token->kind = TOKEN_CLOSE;
		return 0;
	case '[':
		token->kind = TOKEN_OPEN_BRACKET;
		return 0;
	case ']':
		token->kind = TOKEN_CLOSE_BRACKET;
		return 0;
	case ',':
		token->kind = TOKEN_COMMA;
		return 0;
	case '<':
	case '>':
		if (text[offset + 1] == '=') {
			token->kind = c == '<' ? TOKEN_LESS_EQUAL :
			    TOKEN_GREATER_EQUAL;
			token->length = 2;
		} else
			token->kind = c == '<' ? TOKEN_LESS : TOKEN_GREATER;
		return 0;
	case '=':
	case '!':
		if (text[offset + 1] != '=')
			break;
		token->kind = c == '=' ? TOKEN_EQUAL : TOKEN_NOT_EQUAL;
		token->length = 2;
		return 0;
	default:
		break;
	}
	return expr_fail_byte(p, offset);
}

/* Moves on to the next token. */
static int
expr_advance(struct expr_parser *p)
{
	return expr_lex(p, p->token.offset + p->token.length, &p->token);
}

/* The kind of the token after the current one, without moving.  A token
 * that cannot be read counts as the end: the error is reported when the
 * parser gets there, unless an earlier one is found first. */
static enum expr_token_kind
expr_peek(struct expr_parser *p)
{
	struct expr_token next;
	int status;

	p->quiet = true;
	status = expr_lex(p, p->token.offset + p->token.length, &next);
	p->quiet = false;
	return status == 0 ? next.kind : TOKEN_END;
}

/* Opens a nesting level at the current token, refusing to go deeper than
 * EXPR_MAX_DEPTH: this is what bounds the parser's recursion. */
static int
expr_enter(struct expr_parser *p)
{
	if (p->depth >= EXPR_MAX_DEPTH)
		return expr_fail(p, p->token.offset,
		    _("nesting deeper than %d levels"), EXPR_MAX_DEPTH);
	p->depth++;
	return 0;
}

/* Takes a fresh node from the fixed array, or fails past the limit. */
static int
expr_node_new(struct expr_parser *p, enum expr_node_kind kind,
    enum expr_type type, size_t start, size_t at)
{
	if (p->node_count >= EXPR_MAX_NODES)
		return expr_fail(p, at,
		    _("expression too complex: more than %d parts"),
		    EXPR_MAX_NODES);
	int index = (int)p->node_count++;
	struct expr_node *node = &p->nodes[index];
	memset(node, 0, sizeof *node);
	node->kind = kind;
	node->type = type;
	node->start = start;
	node->at = at;
	node->first = node->second = node->next = -1;
	return index;
}

/* A node with two operands; it starts where the left one does. */
static int
expr_node_binary(struct expr_parser *p, enum expr_node_kind kind,
    enum expr_opcode opcode, enum expr_type type, int left, int right,
    size_t at)
{
	int index = expr_node_new(p, kind, type, p->nodes[left].start, at);
	if (index < 0)
		return -1;
	p->nodes[index].opcode = opcode;
	p->nodes[index].first = left;
	p->nodes[index].second = right;
	return index;
}

/* Describes a node's type for messages: "a number", "true or false". */
static const char *
expr_describe_type(const struct expr_node *node)
{
	if (node->kind == NODE_STRING)
		return _("a quoted name");
	switch (node->type) {
	case EXPR_NUMBER:
		return _("a number");
	case EXPR_BOOL:
		return _("true or false");
	case EXPR_CHOICE:
		return _("a choice");
	}
	return "?";
}

/* Refuses a string where only a choice may meet it. */
static int
expr_fail_string(struct expr_parser *p, const struct expr_node *node)
{
	return expr_fail(p, node->start,
	    _("a quoted name can only be compared with a choice"));
}

/* Checks that an operand of what (an operator or function) has the type
 * it needs; the message points at the operand. */
static int
expr_require(struct expr_parser *p, int index, enum expr_type type,
    const char *what)
{
	const struct expr_node *node = &p->nodes[index];
	if (node->kind == NODE_STRING)
		return expr_fail_string(p, node);
	if (node->type == type)
		return 0;
	if (type == EXPR_NUMBER)
		return expr_fail(p, node->start,
		    _("'%s' needs a number, got %s"), what,
		    expr_describe_type(node));
	return expr_fail(p, node->start, _("'%s' needs true or false, got %s"),
	    what, expr_describe_type(node));
}

/* Turns a string node into the index of the choice it names, or reports
 * the valid names. */
static int
expr_resolve_choice(struct expr_parser *p, int index,
    const struct expr_symbol *symbol)
{
	struct expr_node *node = &p->nodes[index];
	const char *name = p->text + node->at + 1;
	const char *const *choices = symbol->choices;
	struct buffer list;

	for (size_t i = 0; choices != NULL && choices[i] != NULL; i++) {
		if (strlen(choices[i]) == node->length &&
		    memcmp(choices[i], name, node->length) == 0) {
			node->kind = NODE_CONSTANT;
			node->type = EXPR_CHOICE;
			node->number = (double)i;
			return 0;
		}
	}
	buffer_init(&list);
	for (size_t i = 0; choices != NULL && choices[i] != NULL; i++) {
		if (i > 0)
			buffer_add(&list, ", ");
		buffer_add(&list, choices[i]);
	}
	expr_fail(p, node->start, _("'%.*s%s' is not one of %s"),
	    expr_quote_length(name, node->length), name,
	    expr_quote_tail(node->length),
	    list.data != NULL && !list.failed ? list.data : "");
	buffer_free(&list);
	return -1;
}

/* Two choice lists are the same when they hold the same names in the same
 * order. */
static bool
expr_same_choices(const char *const *a, const char *const *b)
{
	size_t i;
	if (a == b)
		return true;
	if (a == NULL || b == NULL)
		return false;
	for (i = 0; a[i] != NULL && b[i] != NULL; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return a[i] == NULL && b[i] == NULL;
}

/* Type-checks == and !=, matching a string with the choice beside it. */
static int
expr_check_equality(struct expr_parser *p, int left, int right, size_t at)
{
	struct expr_node *l = &p->nodes[left], *r = &p->nodes[right];

	if (l->kind == NODE_STRING)
		return r->kind != NODE_STRING && r->type == EXPR_CHOICE ?
		    expr_resolve_choice(p, left, r->symbol) :
		    expr_fail_string(p, l);
	if (r->kind == NODE_STRING)
		return l->type == EXPR_CHOICE ?
		    expr_resolve_choice(p, right, l->symbol) :
		    expr_fail_string(p, r);
	if (l->type != r->type)
		return expr_fail(p, at, _("cannot compare %s with %s"),
		    expr_describe_type(l), expr_describe_type(r));
	if (l->type == EXPR_CHOICE &&
	    !expr_same_choices(l->symbol->choices, r->symbol->choices))
		return expr_fail(p, at,
		    _("cannot compare '%s' with '%s': their choices differ"),
		    l->symbol->name, r->symbol->name);
	return 0;
}

/* or := and { "or" and }, and likewise and := not { "and" not }. */
static int
expr_parse_logic(struct expr_parser *p, enum expr_token_kind word,
    int (*operand)(struct expr_parser *))
{
	enum expr_opcode opcode = word == TOKEN_OR ? OP_OR : OP_AND;
	const char *what = word == TOKEN_OR ? "or" : "and";
	int left = operand(p);

	while (left >= 0 && p->token.kind == word) {
		size_t at = p->token.offset;
		if (expr_require(p, left, EXPR_BOOL, what) != 0 ||
		    expr_advance(p) != 0)
			return -1;
		int right = operand(p);
		if (right < 0 || expr_require(p, right, EXPR_BOOL, what) != 0)
			return -1;
		left = expr_node_binary(p, NODE_LOGIC, opcode, EXPR_BOOL, left,
		    right, at);
	}
	return left;
}

/* not := "not" not | comparison */
static int
expr_parse_not(struct expr_parser *p)
{
	if (p->token.kind != TOKEN_NOT)
		return expr_parse_comparison(p);
	size_t at = p->token.offset;
	if (expr_enter(p) != 0 || expr_advance(p) != 0)
		return -1;
	int operand = expr_parse_not(p);
	if (operand < 0 || expr_require(p, operand, EXPR_BOOL, "not") != 0)
		return -1;
	p->depth--;
	int index = expr_node_new(p, NODE_UNARY, EXPR_BOOL, at, at);
	if (index < 0)
		return -1;
	p->nodes[index].opcode = OP_NOT;
	p->nodes[index].first = operand;
	return index;
}

/* and := not { "and" not } */
static int
expr_parse_and(struct expr_parser *p)
{
	return expr_parse_logic(p, TOKEN_AND, expr_parse_not);
}

/* or := and { "or" and }: the whole expression. */
static int
expr_parse_or(struct expr_parser *p)
{
	return expr_parse_logic(p, TOKEN_OR, expr_parse_and);
}

/* literal := ["-"] number | string, checked against the left side of in. */
static int
expr_parse_literal(struct expr_parser *p, int left)
{
	const struct expr_node *l = &p->nodes[left];
	size_t start = p->token.offset;
	bool negative = false;
	int index;

	if (p->token.kind == TOKEN_MINUS) {
		negative = true;
		if (expr_advance(p) != 0)
			return -1;
	}
	if (p->token.kind == TOKEN_NUMBER) {
		if (l->type == EXPR_CHOICE)
			return expr_fail(p, start,
			    _("cannot compare a choice with a number"));
		index = expr_node_new(p, NODE_CONSTANT, EXPR_NUMBER, start,
		    start);
		if (index < 0)
			return -1;
		p->nodes[index].number = negative ? -p->token.number :
		    p->token.number;
	} else if (p->token.kind == TOKEN_STRING && !negative) {
		index = expr_node_new(p, NODE_STRING, EXPR_CHOICE, start,
		    start);
		if (index < 0)
			return -1;
		p->nodes[index].length = p->token.length - 2;
		if (l->type != EXPR_CHOICE)
			return expr_fail_string(p, &p->nodes[index]);
		if (expr_resolve_choice(p, index, l->symbol) != 0)
			return -1;
	} else
		return expr_fail_unexpected(p);
	if (expr_advance(p) != 0)
		return -1;
	return index;
}

/* The part of comparison after the sum: ["not"] "in" "[" literal
 * { "," literal } "]". */
static int
expr_parse_in(struct expr_parser *p, int left)
{
	const struct expr_node *l = &p->nodes[left];
	size_t at = p->token.offset;
	enum expr_opcode opcode = OP_IN;

	if (l->kind == NODE_STRING)
		return expr_fail_string(p, l);
	if (l->type == EXPR_BOOL)
		return expr_fail(p, l->start,
		    _("'in' needs a number or a choice, got true or false"));
	if (p->token.kind == TOKEN_NOT) {
		opcode = OP_NOT_IN;
		if (expr_advance(p) != 0)
			return -1;
	}
	if (expr_advance(p) != 0)
		return -1;
	if (p->token.kind != TOKEN_OPEN_BRACKET)
		return expr_fail(p, p->token.offset,
		    _("expected '[' after 'in'"));
	int index = expr_node_binary(p, NODE_IN, opcode, EXPR_BOOL, left, -1,
	    at);
	if (index < 0 || expr_advance(p) != 0)
		return -1;
	/* The nodes live in a fixed array, so this pointer stays valid. */
	int *link = &p->nodes[index].second;
	for (;;) {
		int entry = expr_parse_literal(p, left);
		if (entry < 0)
			return -1;
		*link = entry;
		link = &p->nodes[entry].next;
		if (p->token.kind == TOKEN_CLOSE_BRACKET)
			break;
		if (p->token.kind != TOKEN_COMMA)
			return expr_fail(p, p->token.offset,
			    _("expected ',' or ']'"));
		if (expr_advance(p) != 0)
			return -1;
	}
	if (expr_advance(p) != 0)
		return -1;
	return index;
}

/* True for the tokens of ==, !=, <, <=, > and >=. */
static bool
expr_is_comparison(enum expr_token_kind kind)
{
	return kind == TOKEN_EQUAL || kind == TOKEN_NOT_EQUAL ||
	    kind == TOKEN_LESS || kind == TOKEN_LESS_EQUAL ||
	    kind == TOKEN_GREATER || kind == TOKEN_GREATER_EQUAL;
}

/* True when the current token starts "in" or "not in". */
static bool
expr_at_in(struct expr_parser *p)
{
	return p->token.kind == TOKEN_IN ||
	    (p->token.kind == TOKEN_NOT && expr_peek(p) == TOKEN_IN);
}

/* comparison := sum [ op sum ] | sum ["not"] "in" "[" ... "]"; a second
 * comparison right after one is refused rather than chained. */
static int
expr_parse_comparison(struct expr_parser *p)
{
	static const struct {
		enum expr_token_kind token;
		enum expr_opcode opcode;
		const char *text;
	} operators[] = {
		{ TOKEN_EQUAL, OP_EQUAL, "==" },
		{ TOKEN_NOT_EQUAL, OP_NOT_EQUAL, "!=" },
		{ TOKEN_LESS, OP_LESS, "<" },
		{ TOKEN_LESS_EQUAL, OP_LESS_EQUAL, "<=" },
		{ TOKEN_GREATER, OP_GREATER, ">" },
		{ TOKEN_GREATER_EQUAL, OP_GREATER_EQUAL, ">=" },
	};
	int left = expr_parse_sum(p), index = -1;

	if (left < 0)
		return -1;
	if (expr_at_in(p))
		index = expr_parse_in(p, left);
	else if (expr_is_comparison(p->token.kind)) {
		size_t i = 0, at = p->token.offset;
		while (operators[i].token != p->token.kind)
			i++;
		if (expr_advance(p) != 0)
			return -1;
		int right = expr_parse_sum(p);
		if (right < 0)
			return -1;
		if (operators[i].opcode == OP_EQUAL ||
		    operators[i].opcode == OP_NOT_EQUAL) {
			if (expr_check_equality(p, left, right, at) != 0)
				return -1;
		} else if (expr_require(p, left, EXPR_NUMBER,
		    operators[i].text) != 0 || expr_require(p, right,
		    EXPR_NUMBER, operators[i].text) != 0)
			return -1;
		index = expr_node_binary(p, NODE_BINARY, operators[i].opcode,
		    EXPR_BOOL, left, right, at);
	} else
		return left;
	if (index < 0)
		return -1;
	if (expr_at_in(p) || expr_is_comparison(p->token.kind))
		return expr_fail(p, p->token.offset,
		    _("comparisons cannot be chained: join them with 'and'"));
	return index;
}

/* sum := product { ("+" | "-") product }, and product likewise with
 * "*" and "/" over unary. */
static int
expr_parse_arithmetic(struct expr_parser *p, enum expr_token_kind plus,
    enum expr_token_kind minus, int (*operand)(struct expr_parser *))
{
	int left = operand(p);

	while (left >= 0 && (p->token.kind == plus || p->token.kind == minus)) {
		enum expr_token_kind kind = p->token.kind;
		size_t at = p->token.offset;
		enum expr_opcode opcode = kind == TOKEN_PLUS ? OP_ADD :
		    kind == TOKEN_MINUS ? OP_SUBTRACT :
		    kind == TOKEN_TIMES ? OP_MULTIPLY : OP_DIVIDE;
		const char *what = kind == TOKEN_PLUS ? "+" :
		    kind == TOKEN_MINUS ? "-" : kind == TOKEN_TIMES ? "*" : "/";
		if (expr_require(p, left, EXPR_NUMBER, what) != 0 ||
		    expr_advance(p) != 0)
			return -1;
		int right = operand(p);
		if (right < 0 || expr_require(p, right, EXPR_NUMBER, what) != 0)
			return -1;
		left = expr_node_binary(p, NODE_BINARY, opcode, EXPR_NUMBER,
		    left, right, at);
	}
	return left;
}

/* product := unary { ("*" | "/") unary } */
static int
expr_parse_product(struct expr_parser *p)
{
	return expr_parse_arithmetic(p, TOKEN_TIMES, TOKEN_DIVIDE,
	    expr_parse_unary);
}

/* sum := product { ("+" | "-") product } */
static int
expr_parse_sum(struct expr_parser *p)
{
	return expr_parse_arithmetic(p, TOKEN_PLUS, TOKEN_MINUS,
	    expr_parse_product);
}

/* function "(" expression { "," expression } ")" */
static int
expr_parse_call(struct expr_parser *p)
{
	size_t at = p->token.offset;
	enum expr_opcode opcode = p->token.kind == TOKEN_MIN ? OP_MIN :
	    p->token.kind == TOKEN_MAX ? OP_MAX : OP_ABS;
	const char *what = opcode == OP_MIN ? "min" : opcode == OP_MAX ?
	    "max" : "abs";
	int count = 0;

	if (expr_advance(p) != 0)
		return -1;
	if (p->token.kind != TOKEN_OPEN)
		return expr_fail(p, p->token.offset,
		    _("expected '(' after '%s'"), what);
	if (expr_enter(p) != 0 || expr_advance(p) != 0)
		return -1;
	int index = expr_node_new(p, NODE_CALL, EXPR_NUMBER, at, at);
	if (index < 0)
		return -1;
	p->nodes[index].opcode = opcode;
	int *link = &p->nodes[index].first;
	for (;;) {
		int argument = expr_parse_or(p);
		if (argument < 0 ||
		    expr_require(p, argument, EXPR_NUMBER, what) != 0)
			return -1;
		*link = argument;
		link = &p->nodes[argument].next;
		count++;
		if (p->token.kind == TOKEN_CLOSE)
			break;
		if (p->token.kind != TOKEN_COMMA)
			return expr_fail(p, p->token.offset,
			    _("expected ',' or ')'"));
		if (expr_advance(p) != 0)
			return -1;
	}
	if (opcode == OP_ABS && count != 1)
		return expr_fail(p, at, _("'abs' takes exactly one argument"));
	if (opcode != OP_ABS && count < 2)
		return expr_fail(p, at, _("'%s' needs at least two arguments"),
		    what);
	p->depth--;
	if (expr_advance(p) != 0)
		return -1;
	return index;
}

/* A name: resolved to its symbol now, so evaluation never looks it up. */
static int
expr_parse_name(struct expr_parser *p)
{
	const struct expr_token name = p->token;
	const char *text = p->text + name.offset;
	const struct expr_symbol *symbol;

	symbol = expr_symbol_find(p->symbols, text, name.length);
	if (symbol == NULL) {
		if (expr_peek(p) == TOKEN_OPEN)
			return expr_fail(p, name.offset,
			    _("unknown function '%.*s%s' "
			    "(functions are min, max and abs)"),
			    expr_quote_length(text, name.length), text,
			    expr_quote_tail(name.length));
		expr_error_unknown_name(p->cause, p->symbols, text,
		    name.length);
		p->error_offset = name.offset;
		return -1;
	}
	if (symbol->slot < 0)
		return expr_fail(p, name.offset,
		    _("'%s' has no value slot (internal error)"), symbol->name);
	int index = expr_node_new(p, NODE_NAME, symbol->type, name.offset,
	    name.offset);
	if (index < 0)
		return -1;
	p->nodes[index].symbol = symbol;
	if (expr_advance(p) != 0)
		return -1;
	return index;
}

/* primary := number | string | true | false | name | call | "(" ... ")" */
static int
expr_parse_primary(struct expr_parser *p)
{
	const struct expr_token token = p->token;
	int index;

	switch (token.kind) {
	case TOKEN_NUMBER:
	case TOKEN_TRUE:
	case TOKEN_FALSE:
		index = expr_node_new(p, NODE_CONSTANT, token.kind ==
		    TOKEN_NUMBER ? EXPR_NUMBER : EXPR_BOOL, token.offset,
		    token.offset);
		if (index < 0)
			return -1;
		p->nodes[index].number = token.kind == TOKEN_NUMBER ?
		    token.number : token.kind == TOKEN_TRUE;
		break;
	case TOKEN_STRING:
		index = expr_node_new(p, NODE_STRING, EXPR_CHOICE, token.offset,
		    token.offset);
		if (index < 0)
			return -1;
		p->nodes[index].length = token.length - 2;
		break;
	case TOKEN_NAME:
		return expr_parse_name(p);
	case TOKEN_MIN:
	case TOKEN_MAX:
	case TOKEN_ABS:
		return expr_parse_call(p);
	case TOKEN_OPEN:
		if (expr_enter(p) != 0 || expr_advance(p) != 0)
			return -1;
		index = expr_parse_or(p);
		if (index < 0)
			return -1;
		if (p->token.kind != TOKEN_CLOSE)
			return expr_fail(p, p->token.offset, _("expected ')'"));
		p->depth--;
		break;
	default:
		return expr_fail_unexpected(p);
	}
	if (expr_advance(p) != 0)
		return -1;
	return index;
}

/* unary := "-" unary | primary; a minus before a literal folds into it. */
static int
expr_parse_unary(struct expr_parser *p)
{
	if (p->token.kind != TOKEN_MINUS)
		return expr_parse_primary(p);
	size_t at = p->token.offset;
	if (expr_enter(p) != 0 || expr_advance(p) != 0)
		return -1;
	int operand = expr_parse_unary(p);
	if (operand < 0 || expr_require(p, operand, EXPR_NUMBER, "-") != 0)
		return -1;
	p->depth--;
	if (p->nodes[operand].kind == NODE_CONSTANT) {
		p->nodes[operand].number = -p->nodes[operand].number;
		p->nodes[operand].start = at;
		return operand;
	}
	int index = expr_node_new(p, NODE_UNARY, EXPR_NUMBER, at, at);
	if (index < 0)
		return -1;
	p->nodes[index].opcode = OP_NEGATE;
	p->nodes[index].first = operand;
	return index;
}

/* Appends one instruction; returns its index. */
static size_t
expr_emit_instruction(struct expr_parser *p, enum expr_opcode opcode,
    int operand, double number)
{
	struct expr_instruction *instruction = &p->code[p->code_length];
	instruction->opcode = opcode;
	instruction->operand = operand;
	instruction->number = number;
	return p->code_length++;
}

/* Remembers a slot the program reads, once. */
static void
expr_note_slot(struct expr_parser *p, int slot)
{
	for (size_t i = 0; i < p->slot_count; i++)
		if (p->slots[i] == slot)
			return;
	p->slots[p->slot_count++] = slot;
}

/* Writes a comparison.  A number or choice name against a literal, in
 * either order, becomes one fused instruction: the common shape of rule
 * conditions.  The fused opcodes follow the order of the plain ones. */
static void
expr_emit_comparison(struct expr_parser *p, const struct expr_node *node)
{
	/* What "literal OP name" is as "name OP literal". */
	static const enum expr_opcode mirrored[] = {
		[OP_EQUAL] = OP_EQUAL, [OP_NOT_EQUAL] = OP_NOT_EQUAL,
		[OP_LESS] = OP_GREATER, [OP_LESS_EQUAL] = OP_GREATER_EQUAL,
		[OP_GREATER] = OP_LESS, [OP_GREATER_EQUAL] = OP_LESS_EQUAL,
	};
	const struct expr_node *left = &p->nodes[node->first];
	const struct expr_node *right = &p->nodes[node->second];
	const struct expr_node *name = NULL, *literal = NULL;
	enum expr_opcode opcode = node->opcode;

	if (left->kind == NODE_NAME && right->kind == NODE_CONSTANT) {
		name = left;
		literal = right;
	} else if (left->kind == NODE_CONSTANT && right->kind == NODE_NAME) {
		name = right;
		literal = left;
		opcode = mirrored[opcode];
	}
	if (name != NULL && name->type != EXPR_BOOL) {
		expr_note_slot(p, name->symbol->slot);
		expr_emit_instruction(p, (enum expr_opcode)(OP_LOAD_EQUAL +
		    (opcode - OP_EQUAL)), name->symbol->slot, literal->number);
		return;
	}
	expr_emit(p, node->first);
	expr_emit(p, node->second);
	expr_emit_instruction(p, node->opcode, 0, 0);
}

/* Writes the program for a node in postfix order.  Each node writes at
 * most two instructions (a call writes one per argument after the first,
 * charged to those arguments), so EXPR_MAX_CODE always suffices; the
 * recursion is as deep as the tree, at most EXPR_MAX_NODES. */
static void
expr_emit(struct expr_parser *p, int index)
{
	const struct expr_node *node = &p->nodes[index];
	size_t jump;
	int count;

	switch (node->kind) {
	case NODE_CONSTANT:
	case NODE_STRING:	/* never left in a checked tree */
		expr_emit_instruction(p, OP_CONSTANT, 0, node->number);
		break;
	case NODE_NAME:
		expr_note_slot(p, node->symbol->slot);
		expr_emit_instruction(p, node->type == EXPR_BOOL ?
		    OP_LOAD_BOOL : OP_LOAD, node->symbol->slot, 0);
		break;
	case NODE_UNARY:
		expr_emit(p, node->first);
		expr_emit_instruction(p, node->opcode, 0, 0);
		break;
	case NODE_BINARY:
		if (node->opcode >= OP_EQUAL &&
		    node->opcode <= OP_GREATER_EQUAL) {
			expr_emit_comparison(p, node);
			break;
		}
		expr_emit(p, node->first);
		expr_emit(p, node->second);
		expr_emit_instruction(p, node->opcode, 0, 0);
		break;
	case NODE_LOGIC:
		expr_emit(p, node->first);
		jump = expr_emit_instruction(p, node->opcode, 0, 0);
		expr_emit(p, node->second);
		p->code[jump].operand = (int)p->code_length;
		break;
	case NODE_IN:
		expr_emit(p, node->first);
		count = 0;
		for (int entry = node->second; entry >= 0;
		    entry = p->nodes[entry].next)
			count++;
		expr_emit_instruction(p, node->opcode, count, 0);
		for (int entry = node->second; entry >= 0;
		    entry = p->nodes[entry].next)
			expr_emit_instruction(p, OP_ENTRY, 0,
			    p->nodes[entry].number);
		break;
	case NODE_CALL:
		expr_emit(p, node->first);
		if (node->opcode == OP_ABS) {
			expr_emit_instruction(p, OP_ABS, 0, 0);
			break;
		}
		for (int argument = p->nodes[node->first].next; argument >= 0;
		    argument = p->nodes[argument].next) {
			expr_emit(p, argument);
			expr_emit_instruction(p, node->opcode, 0, 0);
		}
		break;
	}
}

/* Copies the finished program into one allocation. */
static struct expr *
expr_build(const struct expr_parser *p, enum expr_type type)
{
	size_t code_size = p->code_length * sizeof p->code[0];
	struct expr *expression = malloc(sizeof *expression + code_size +
	    p->slot_count * sizeof p->slots[0]);
	if (expression == NULL)
		return NULL;
	expression->type = type;
	expression->code_length = p->code_length;
	memcpy(expression->code, p->code, code_size);
	int *slots = (int *)(expression->code + p->code_length);
	memcpy(slots, p->slots, p->slot_count * sizeof p->slots[0]);
	expression->slots = slots;
	expression->slot_count = p->slot_count;
	return expression;
}

/* Checks the whole expression has the type the caller wants. */
static int
expr_check_result(struct expr_parser *p, int root, enum expr_type want)
{
	const struct expr_node *node = &p->nodes[root];
	if (node->kind == NODE_STRING)
		return expr_fail_string(p, node);
	if (node->type == want)
		return 0;
	switch (want) {
	case EXPR_BOOL:
		return expr_fail(p, node->start,
		    _("a condition must be true or false, got %s"),
		    expr_describe_type(node));
	case EXPR_NUMBER:
		return expr_fail(p, node->start,
		    _("an amount must be a number, got %s"),
		    expr_describe_type(node));
	case EXPR_CHOICE:
		break;
	}
	return expr_fail(p, node->start,
	    _("the expression must be a choice, got %s"),
	    expr_describe_type(node));
}

/* Parses, checks and translates text; see expr.h. */
int
expr_compile(const char *text, const struct expr_symbols *symbols,
    enum expr_type want, struct expr **out, size_t *error_offset,
    char **cause)
{
	struct expr_parser *p;
	struct expr *expression;
	int root;

	*out = NULL;
	if (strnlen(text, EXPR_MAX_LENGTH + 1) > EXPR_MAX_LENGTH) {
		util_error(cause, _("expression longer than %d bytes"),
		    EXPR_MAX_LENGTH);
		if (error_offset != NULL)
			*error_offset = EXPR_MAX_LENGTH;
		return -1;
	}
	p = malloc(sizeof *p);
	if (p == NULL) {
		util_error(cause, "%s", _("out of memory"));
		if (error_offset != NULL)
			*error_offset = 0;
		return -1;
	}
	p->text = text;
	p->symbols = symbols;
	p->depth = 0;
	p->node_count = 0;
	p->code_length = 0;
	p->slot_count = 0;
	p->quiet = false;
	p->error_offset = 0;
	p->cause = cause;
	p->token.kind = TOKEN_END;
	p->token.offset = 0;
	p->token.length = 0;
	if (expr_advance(p) != 0)
		goto fail;
	if (p->token.kind == TOKEN_END) {
		expr_fail(p, 0, _("empty expression"));
		goto fail;
	}
	root = expr_parse_or(p);
	if (root < 0)
		goto fail;
	if (p->token.kind != TOKEN_END) {
		expr_fail_unexpected(p);
		goto fail;
	}
	if (expr_check_result(p, root, want) != 0)
		goto fail;
	expr_emit(p, root);
	expr_emit_instruction(p, OP_END, 0, 0);
	expression = expr_build(p, want);
	if (expression == NULL) {
		expr_fail(p, 0, "%s", _("out of memory"));
		goto fail;
	}
	free(p);
	*out = expression;
	return 0;
fail:
	if (error_offset != NULL)
		*error_offset = p->error_offset;
	free(p);
	return -1;
}

/* Runs the program: a loop over the instructions with the operands on a
 * stack in this frame.  No expression pushes more values than it has
 * nodes, hence the size of the stack. */
double
expr_evaluate(const struct expr *expression, const double *values)
{
	const struct expr_instruction *code = expression->code, *i;
	double stack[EXPR_MAX_NODES], a, b;
	size_t top = 0;		/* entries on the stack */
	bool found;

	for (i = code;; i++) {
		switch (i->opcode) {
		case OP_END:
			return stack[0];
		case OP_CONSTANT:
			stack[top++] = i->number;
			break;
		case OP_LOAD:
			stack[top++] = values[i->operand];
			break;
		case OP_LOAD_BOOL:
			a = values[i->operand];
			stack[top++] = a != 0 && !isnan(a);
			break;
		case OP_NEGATE:
			stack[top - 1] = -stack[top - 1];
			break;
		case OP_ADD:
			top--;
			stack[top - 1] += stack[top];
			break;
		case OP_SUBTRACT:
			top--;
			stack[top - 1] -= stack[top];
			break;
		case OP_MULTIPLY:
			top--;
			stack[top - 1] *= stack[top];
			break;
		case OP_DIVIDE:
			top--;
			stack[top - 1] = stack[top] == 0 ? NAN :
			    stack[top - 1] / stack[top];
			break;
		/* C's comparisons are already false for NaN, except !=. */
		case OP_EQUAL:
			top--;
			stack[top - 1] = stack[top - 1] == stack[top];
			break;
		case OP_NOT_EQUAL:
			top--;
			a = stack[top - 1];
			b = stack[top];
			stack[top - 1] = a < b || a > b;
			break;
		case OP_LESS:
			top--;
			stack[top - 1] = stack[top - 1] < stack[top];
			break;
		case OP_LESS_EQUAL:
			top--;
			stack[top - 1] = stack[top - 1] <= stack[top];
			break;
		case OP_GREATER:
			top--;
			stack[top - 1] = stack[top - 1] > stack[top];
			break;
		case OP_GREATER_EQUAL:
			top--;
			stack[top - 1] = stack[top - 1] >= stack[top];
			break;
		case OP_LOAD_EQUAL:
			stack[top++] = values[i->operand] == i->number;
			break;
		case OP_LOAD_NOT_EQUAL:
			a = values[i->operand];
			stack[top++] = a < i->number || a > i->number;
			break;
		case OP_LOAD_LESS:
			stack[top++] = values[i->operand] < i->number;
			break;
		case OP_LOAD_LESS_EQUAL:
			stack[top++] = values[i->operand] <= i->number;
			break;
		case OP_LOAD_GREATER:
			stack[top++] = values[i->operand] > i->number;
			break;
		case OP_LOAD_GREATER_EQUAL:
			stack[top++] = values[i->operand] >= i->number;
			break;
		case OP_NOT:
			stack[top - 1] = stack[top - 1] == 0;
			break;
		/* Jump to the target's predecessor: i++ follows. */
		case OP_AND:
			if (stack[top - 1] == 0)
				i = code + i->operand - 1;
			else
				top--;
			break;
		case OP_OR:
			if (stack[top - 1] != 0)
				i = code + i->operand - 1;
			else
				top--;
			break;
		case OP_IN:
		case OP_NOT_IN:
			a = stack[top - 1];
			found = false;
			for (int k = 1; k <= i->operand; k++)
				found |= i[k].number == a;
			stack[top - 1] = i->opcode == OP_IN ? found :
			    !found && !isnan(a);
			i += i->operand;
			break;
		case OP_ENTRY:
			break;
		case OP_MIN:
			top--;
			stack[top - 1] = fmin(stack[top - 1], stack[top]);
			break;
		case OP_MAX:
			top--;
			stack[top - 1] = fmax(stack[top - 1], stack[top]);
			break;
		case OP_ABS:
			stack[top - 1] = fabs(stack[top - 1]);
			break;
		}
	}
}

/* The type the expression was compiled to produce. */
enum expr_type
expr_result_type(const struct expr *expression)
{
	return expression->type;
}

/* Releases an expression. */
void
expr_free(struct expr *expression)
{
	free(expression);
}

/* Tells the caller which inputs the expression depends on. */
void
expr_slots(const struct expr *expression,
    void (*visit)(int slot, void *context), void *context)
{
	for (size_t i = 0; i < expression->slot_count; i++)
		visit(expression->slots[i], context);
}

/* Finds a symbol by exact name (the first of duplicates). */
const struct expr_symbol *
expr_symbol_find(const struct expr_symbols *symbols, const char *name,
    size_t length)
{
	if (symbols == NULL)
		return NULL;
	for (size_t i = 0; i < symbols->count; i++) {
		const char *candidate = symbols->symbols[i].name;
		if (strncmp(candidate, name, length) == 0 &&
		    candidate[length] == '\0')
			return &symbols->symbols[i];
	}
	return NULL;
}

/* Reports an unknown name, suggesting the closest symbol when it is one or
 * two edits away (one for names of three or four bytes, none for shorter
 * ones, where any name would be "close"). */
void
expr_error_unknown_name(char **cause, const struct expr_symbols *symbols,
    const char *name, size_t length)
{
	size_t limit = length <= 2 ? 0 : length <= 4 ? 1 : 2;
	size_t best_distance = limit + 1;
	const char *best = NULL;
	int shown = expr_quote_length(name, length);

	for (size_t i = 0; symbols != NULL && length <= EXPR_SUGGEST_MAX &&
	    i < symbols->count; i++) {
		const char *candidate = symbols->symbols[i].name;
		size_t candidate_length = strlen(candidate);
		if (candidate_length > EXPR_SUGGEST_MAX ||
		    candidate_length > length + limit ||
		    length > candidate_length + limit)
			continue;
		size_t distance = util_edit_distance(name, length, candidate,
		    candidate_length);
		if (distance < best_distance) {
			best_distance = distance;
			best = candidate;
		}
	}
	if (best != NULL)
		util_error(cause,
		    _("unknown name '%.*s%s' (did you mean '%s'?)"), shown,
		    name, expr_quote_tail(length), best);
	else
		util_error(cause, _("unknown name '%.*s%s'"), shown, name,
		    expr_quote_tail(length));
}
