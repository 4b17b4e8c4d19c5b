/* doc_yaml.c - YAML into the positioned tree (doc.h): the fast reader
 * (doc_yaml_fast.c) for the YAML our files use, libyaml for anything it
 * declines, so messages and odd files are libyaml's as before. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "doc.h"
#include "doc_private.h"
#include "i18n.h"

static int doc_yaml_read(struct doc *, const char *path, const char *text,
	size_t length, size_t max_nodes, enum doc_yaml_reader,
	const struct doc_stream *, char **cause);

/* Refuses an explicit YAML tag (!!str, !custom): our files are plain
 * data, and a tag would silently change how a value reads.  Returns 1
 * with *cause set, or 0. */
static int
doc_yaml_refuse_tag(const char *path, const yaml_event_t *event,
    const yaml_char_t *tag, char **cause)
{
	if (tag == NULL)
		return 0;
	util_error_at(cause, path, (int)event->start_mark.line + 1,
	    (int)event->start_mark.column + 1,
	    _("YAML tags (%.40s) are not supported"), (const char *)tag);
	return 1;
}

/* A libyaml scalar event for doc_builder_scalar. */
static int
doc_yaml_scalar(struct doc_builder *b, const yaml_event_t *event)
{
	char style;
	/* libyaml decodes "\0"; the fast reader never gives a NUL. */
	if (memchr(event->data.scalar.value, '\0',
	    event->data.scalar.length) != NULL) {
		util_error_at(b->cause, b->doc->path,
		    (int)event->start_mark.line + 1,
		    (int)event->start_mark.column + 1,
		    _("text contains a NUL character"));
		return -1;
	}
	switch (event->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = '\''; break;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = '"'; break;
	case YAML_LITERAL_SCALAR_STYLE: style = '|'; break;
	case YAML_FOLDED_SCALAR_STYLE: style = '>'; break;
	default: style = 0; break;
	}
	return doc_builder_scalar(b, (const char *)event->data.scalar.value,
	    event->data.scalar.length, style,
	    (int)event->start_mark.line + 1,
	    (int)event->start_mark.column + 1);
}

/* Copies the name, then parses (see doc.h). */
int
doc_parse_yaml_named(struct doc *doc, struct arena *names, const char *name,
    const char *text, char **cause)
{
	const char *path = arena_strdup(names, name);
	if (path == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return doc_parse_yaml(doc, path, text, strlen(text), cause);
}

/* As doc_parse_yaml_named, with at most max_nodes values and keys. */
int
doc_parse_yaml_named_limit(struct doc *doc, struct arena *names,
    const char *name, const char *text, size_t max_nodes, char **cause)
{
	return doc_parse_yaml_stream(doc, names, name, text, max_nodes, NULL,
	    cause);
}

/* Parses YAML with the usual limit of values (see doc.h). */
int
doc_parse_yaml(struct doc *doc, const char *path, const char *text,
    size_t length, char **cause)
{
	return doc_parse_yaml_limit(doc, path, text, length, DOC_MAX_NODES,
	    cause);
}

/* Parses with the fast reader when it can, else with libyaml. */
int
doc_parse_yaml_limit(struct doc *doc, const char *path, const char *text,
    size_t length, size_t max_nodes, char **cause)
{
	return doc_parse_yaml_reader(doc, path, text, length, max_nodes,
	    DOC_YAML_EITHER, cause);
}

/* Opens a container at a libyaml mark (0-based). */
static int
doc_yaml_open_at(struct doc_builder *b, enum doc_type type,
    const yaml_mark_t *mark)
{
	return doc_builder_open(b, type, (int)mark->line + 1,
	    (int)mark->column + 1);
}

/* Builds the tree with the reader asked for (see doc.h): the fast one
 * first unless libyaml alone is asked; libyaml when the fast one
 * declines. */
int
doc_parse_yaml_reader(struct doc *doc, const char *path, const char *text,
    size_t length, size_t max_nodes, enum doc_yaml_reader reader,
    char **cause)
{
	return doc_yaml_read(doc, path, text, length, max_nodes, reader, NULL,
	    cause);
}

/* Copies the name, then parses streaming one list (see doc.h). */
int
doc_parse_yaml_stream(struct doc *doc, struct arena *names, const char *name,
    const char *text, size_t max_nodes, const struct doc_stream *stream,
    char **cause)
{
	const char *path = arena_strdup(names, name);
	if (path == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return doc_yaml_read(doc, path, text, strlen(text), max_nodes,
	    DOC_YAML_EITHER, stream, cause);
}

/* doc_parse_yaml_reader, streaming stream's list when stream is not
 * NULL. */
static int
doc_yaml_read(struct doc *doc, const char *path, const char *text,
    size_t length, size_t max_nodes, enum doc_yaml_reader reader,
    const struct doc_stream *stream, char **cause)
{
	yaml_parser_t parser;
	yaml_event_t event;
	struct doc_builder *b;
	int result = -1, documents = 0;
	bool done = false;
	size_t streamed = 0;

	memset(doc, 0, sizeof *doc);
	doc->path = path;
	doc->text = text;
	if (reader != DOC_YAML_LIBYAML) {
		if (doc_yaml_fast_read_stream(doc, text, length, max_nodes,
		    stream, &streamed))
			return 0;
		if (reader == DOC_YAML_FAST)
			return 1;
	}
	b = calloc(1, sizeof *b);
	if (b == NULL) {
		util_error(cause, _("%s: out of memory"), path);
		return -1;
	}
	b->doc = doc;
	b->cause = cause;
	b->max_nodes = max_nodes;
	b->stream = stream;
	b->stream_skip = streamed;
	if (!yaml_parser_initialize(&parser)) {
		util_error(cause, _("%s: out of memory"), path);
		free(b);
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    length);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			/* libyaml's texts are English: po/yaml-messages.c puts
			 * them in the catalogue. */
			const char *problem = parser.problem ?
			    _(parser.problem) : _("invalid YAML");
			if (parser.error == YAML_READER_ERROR) {
				/* Encoding errors carry a byte offset only. */
				int line, column;
				doc_offset_position(text, parser.problem_offset,
				    &line, &column);
				util_error_at(cause, path, line, column, "%s",
				    problem);
				goto out;
			}
			if (parser.context != NULL)
				util_error_at(cause, path,
				    (int)parser.problem_mark.line + 1,
				    (int)parser.problem_mark.column + 1,
				    /* TRANSLATORS: libyaml's context, problem. */
				    _("%s %s"), _(parser.context), problem);
			else
				util_error_at(cause, path,
				    (int)parser.problem_mark.line + 1,
				    (int)parser.problem_mark.column + 1,
				    "%s", problem);
			goto out;
		}
		int failed = 0;
		switch (event.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				util_error_at(cause, path,
				    (int)event.start_mark.line + 1,
				    (int)event.start_mark.column + 1,
				    _("only one YAML document is allowed"));
				failed = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			util_error_at(cause, path, (int)event.start_mark.line + 1,
			    (int)event.start_mark.column + 1,
			    _("YAML aliases (*name) are not supported"));
			failed = 1;
			break;
		case YAML_SCALAR_EVENT:
			failed = doc_yaml_refuse_tag(path, &event,
			    event.data.scalar.tag, cause) ||
			    doc_yaml_scalar(b, &event);
			break;
		case YAML_SEQUENCE_START_EVENT:
			failed = doc_yaml_refuse_tag(path, &event,
			    event.data.sequence_start.tag, cause) ||
			    doc_yaml_open_at(b, DOC_SEQUENCE, &event.start_mark);
			break;
		case YAML_MAPPING_START_EVENT:
			failed = doc_yaml_refuse_tag(path, &event,
			    event.data.mapping_start.tag, cause) ||
			    doc_yaml_open_at(b, DOC_MAPPING, &event.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			failed = doc_builder_close(b);
			break;
		default:
			break;
		}
		yaml_event_delete(&event);
		if (failed)
			goto out;
	}
	result = 0;
out:
	doc_builder_free(b);
	yaml_parser_delete(&parser);
	free(b);
	if (result != 0)
		doc_free(doc);
	return result;
}
