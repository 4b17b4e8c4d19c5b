/* test_doc.c - the two YAML readers agree.  The fast reader
 * (src/doc_yaml_fast.c) must build libyaml's tree field by field whenever it
 * accepts a text, accept the files we ship and write (or the speed-up
 * silently disappears), and leave everything else to libyaml, whose
 * results and messages then stay exactly as they were. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "file.h"
#include "import.h"
#include "profile.h"
#include "testutil.h"

/* Reads text with each reader alone: fails when the fast one fails
 * instead of declining, or accepts what libyaml refuses or reads
 * otherwise.  Returns whether the fast reader accepted. */
static bool
readers_agree(const char *name, const char *text, size_t length,
    size_t max_nodes)
{
	struct doc fast, slow;
	char *cause = NULL, difference[1024];
	int result = doc_parse_yaml_reader(&fast, name, text, length,
	    max_nodes, DOC_YAML_FAST, &cause);

	ck_assert_msg(result != -1, "%s: the fast reader failed: %s", name,
	    cause);
	if (result == 1) {
		/* Declined: no message, nothing built. */
		ck_assert_ptr_null(cause);
		ck_assert_ptr_null(fast.root);
		return false;
	}
	ck_assert_msg(doc_parse_yaml_reader(&slow, name, text, length,
	    max_nodes, DOC_YAML_LIBYAML, &cause) == 0,
	    "%s: the fast reader accepts what libyaml refuses: %s", name,
	    cause);
	ck_assert_msg(doc_equal(fast.root, slow.root, difference,
	    sizeof difference), "%s: fast %s", name, difference);
	doc_free(&fast);
	doc_free(&slow);
	return true;
}

/* The reader programs use (fast, else libyaml) gives libyaml's result:
 * the same tree, or the same message. */
static void
same_as_libyaml(const char *name, const char *text, size_t max_nodes)
{
	struct doc either, slow;
	char *either_cause = NULL, *slow_cause = NULL, difference[1024];
	int either_result = doc_parse_yaml_reader(&either, name, text,
	    strlen(text), max_nodes, DOC_YAML_EITHER, &either_cause);
	int slow_result = doc_parse_yaml_reader(&slow, name, text,
	    strlen(text), max_nodes, DOC_YAML_LIBYAML, &slow_cause);

	ck_assert_msg(either_result == slow_result, "%s: %d against %d (%s)",
	    name, either_result, slow_result, slow_cause ? slow_cause : "");
	if (slow_result != 0) {
		ck_assert_str_eq(either_cause, slow_cause);
		free(either_cause);
		free(slow_cause);
		return;
	}
	ck_assert_msg(doc_equal(either.root, slow.root, difference,
	    sizeof difference), "%s: %s", name, difference);
	doc_free(&either);
	doc_free(&slow);
}

/* Reads a file of the source tree; NULL when it vanished meanwhile. */
static char *
read_source(const char *name, size_t *length)
{
	char *text, *cause = NULL;
	if (file_read(testutil_path(name), &text, length, &cause) != 0) {
		free(cause);
		return NULL;
	}
	return text;
}

/* The fast reader accepts a file of the source tree, as libyaml reads
 * it. */
static void
assert_accepted(const char *name)
{
	size_t length;
	char *text = read_source(name, &length);
	ck_assert_msg(text != NULL, "cannot read %s", name);
	ck_assert_msg(readers_agree(name, text, length, DOC_MAX_NODES),
	    "the fast reader declines %s", name);
	free(text);
}

struct walk {
	size_t files, accepted;
};

/* Compares the readers on the files under folder (of the source tree):
 * every file when every_file, else those named *.yaml or *.json; with
 * must_accept, the fast reader must accept every *.yaml. */
static void
walk(const char *folder, bool every_file, bool must_accept, struct walk *w)
{
	char path[1024];
	snprintf(path, sizeof path, "%s", testutil_path(folder));
	DIR *dir = opendir(path);
	ck_assert_msg(dir != NULL, "cannot open %s", path);
	struct dirent *entry;
	while ((entry = readdir(dir)) != NULL) {
		char name[1024], full[2048];
		struct stat st;
		size_t length = strlen(entry->d_name);
		if (entry->d_name[0] == '.')
			continue;
		snprintf(name, sizeof name, "%s/%s", folder, entry->d_name);
		snprintf(full, sizeof full, "%s/%s", path, entry->d_name);
		if (stat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			walk(name, every_file, must_accept, w);
			continue;
		}
		if (!every_file && !(length > 5 &&
		    (strcmp(entry->d_name + length - 5, ".yaml") == 0 ||
		    strcmp(entry->d_name + length - 5, ".json") == 0)))
			continue;
		char *text = read_source(name, &length);
		if (text == NULL)
			continue;
		w->files++;
		if (readers_agree(name, text, length, DOC_MAX_NODES))
			w->accepted++;
		else
			ck_assert_msg(!must_accept ||
			    strcmp(name + strlen(name) - 5, ".yaml") != 0,
			    "the fast reader declines %s", name);
		/* And under a small limit of values. */
		readers_agree(name, text, length, 40);
		free(text);
	}
	closedir(dir);
}

START_TEST(test_keep_texts)
{
	/* doc_keep_texts hands over the scalars and keys (what a loader
	 * keeps) and frees the nodes: the texts stay readable, the tree is
	 * gone; doc_keep hands over both.  Under valgrind or ASan a text
	 * left among the nodes would be read after its free. */
	static const char yaml[] = "models:\n  - id: \"a\"\n    name: b\n";
	for (int keep_nodes = 0; keep_nodes < 2; keep_nodes++) {
		struct doc doc;
		struct arena kept = { 0 };
		char *cause = NULL;
		ck_assert_int_eq(doc_parse_yaml(&doc, "t.yaml", yaml,
		    strlen(yaml), &cause), 0);
		const struct doc_node *entry =
		    &doc_get(doc.root, "models")->items[0];
		const char *id = doc_get(entry, "id")->scalar;
		const char *key = doc_get(entry, "name")->key;
		ck_assert_ptr_nonnull(doc.arena.first);
		if (keep_nodes)
			doc_keep(&doc, &kept);
		else
			doc_keep_texts(&doc, &kept);
		ck_assert_ptr_null(doc.root);
		ck_assert_ptr_null(doc.arena.first);
		ck_assert_ptr_null(doc.texts.first);
		ck_assert_str_eq(id, "a");
		ck_assert_str_eq(key, "name");
		arena_free(&kept);
	}
}
END_TEST

/* What a streamed list's items are checked against: the same text read
 * whole (test_stream_items). */
struct stream_check {
	const struct doc_node *list;	/* the whole tree's list */
	size_t seen;			/* items accepted */
	size_t restarts;
	struct arena kept;
	size_t fail_at;			/* this item fails; 0: none */
};

/* Each item must be the whole tree's item at its place; every third is
 * kept (its memory must then survive the others' release). */
static int
stream_check_item(void *context, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	struct stream_check *c = context;
	char difference[256];
	size_t number = c->seen + 1;
	if (number == c->fail_at) {
		util_error_at(cause, doc->path, node->line, node->column,
		    "item %zu refused", number);
		return -1;
	}
	ck_assert_uint_le(number, c->list->count);
	ck_assert_msg(doc_equal(node, &c->list->items[number - 1],
	    difference, sizeof difference), "item %zu: %s", number,
	    difference);
	c->seen = number;
	return number % 3 == 0;
}

/* The fast reader declined: keep what was kept. */
static void
stream_check_restart(void *context, struct doc *doc)
{
	struct stream_check *c = context;
	doc_keep(doc, &c->kept);
	c->restarts++;
}

START_TEST(test_stream_items)
{
	/* doc_parse_yaml_stream hands over the items of the streamed list,
	 * each the node the whole tree has, leaves the list empty and the
	 * rest of the tree as it is; with an anchor in the last item the
	 * fast reader declines there and libyaml's pass goes on after the
	 * items had (restart once); an error in an item stops the parse. */
	for (int anchor = 0; anchor < 2; anchor++) {
		struct buffer text;
		buffer_init(&text);
		buffer_add(&text, "other: [1, 2]\nmodels:\n");
		for (int i = 0; i < 40; i++)
			buffer_printf(&text, "  - id: m%d\n    values: {a: %d, "
			    "b: [x, \"y\"]}\n    note: |\n      line %d\n", i,
			    i, i);
		buffer_add(&text, anchor ? "  - id: &last m40\n" :
		    "  - id: m40\n");
		/* A scalar item too (found by fuzz/fuzz_yaml: it stayed in
		 * the list, never handed over). */
		buffer_add(&text, "  - just a scalar\n  -\n");
		struct doc whole, streamed;
		struct arena names = { 0 };
		char *cause = NULL, difference[256];
		ck_assert_int_eq(doc_parse_yaml(&whole, "s.yaml", text.data,
		    text.length, &cause), 0);
		struct stream_check check = {
			doc_get(whole.root, "models"), 0, 0, { 0 }, 0
		};
		struct doc_stream stream = { "models", stream_check_item,
		    stream_check_restart, &check };
		ck_assert_int_eq(doc_parse_yaml_stream(&streamed, &names,
		    "s.yaml", text.data, DOC_MAX_NODES, &stream, &cause), 0);
		ck_assert_uint_eq(check.seen, 43);
		ck_assert_uint_eq(check.restarts, (size_t)anchor);
		ck_assert_uint_eq(doc_get(streamed.root, "models")->count, 0);
		ck_assert(doc_equal(doc_get(streamed.root, "other"),
		    doc_get(whole.root, "other"), difference,
		    sizeof difference));
		doc_free(&streamed);
		/* An item's error is the parse's, wherever it happens. */
		struct stream_check failing = {
			doc_get(whole.root, "models"), 0, 0, { 0 }, 7
		};
		stream.context = &failing;
		ck_assert_int_eq(doc_parse_yaml_stream(&streamed, &names,
		    "s.yaml", text.data, DOC_MAX_NODES, &stream, &cause), -1);
		ck_assert_str_eq(cause, "s.yaml:27:5: item 7 refused");
		free(cause);
		cause = NULL;
		arena_free(&failing.kept);
		doc_free(&whole);
		arena_free(&check.kept);
		arena_free(&names);
		buffer_free(&text);
	}
}
END_TEST

START_TEST(test_readers_agree_on_every_file)
{
	/* Data, fixtures (the broken ones of tests/bad too), examples and
	 * the fuzz seeds: whatever the fast reader accepts, it reads as
	 * libyaml does. */
	struct walk w = { 0, 0 };
	walk("data", false, true, &w);
	walk("tests", false, false, &w);
	walk("examples", false, true, &w);
	walk("fuzz/corpus", true, false, &w);
	ck_assert_uint_ge(w.files, 250);
	ck_assert_uint_ge(w.accepted, 120);
}
END_TEST

START_TEST(test_accepts_what_we_ship)
{
	static const char *const names[] = {
		"data/models.yaml", "data/gpus.yaml", "data/defaults.yaml",
		"data/rules.yaml", "tests/data-article/models.yaml",
		"tests/data-article/gpus.yaml",
		"tests/data-article/defaults.yaml",
		/* What --import-prices wrote from LiteLLM's table of
		 * 2026-07-24 (its first 20 models). */
		"tests/yaml/models-imported-excerpt.yaml",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_accepted(names[i]);
}
END_TEST

START_TEST(test_accepts_what_we_write)
{
	/* The files llmadvisor writes itself: an import's new models and
	 * prices.yaml, and saved answers. */
	struct import_file file;
	struct import import;
	struct buffer text;
	struct profile profile;
	char *cause = NULL;
	const struct data *data = testutil_data();

	ck_assert_msg(import_read_file(&file,
	    testutil_path("tests/prices/litellm-real-excerpt.json"),
	    "2026-11-28", &cause) == 0, "%s", cause);
	ck_assert_int_eq(import_map(&import, data, &file, "2026-11-28",
	    &cause), 0);
	ck_assert_int_eq(import_plan_models(&import, data, &cause), 0);
	ck_assert_uint_gt(import.added_count, 0);
	buffer_init(&text);
	ck_assert_int_eq(import_render_overlay(&import, NULL, &text, &cause),
	    0);
	ck_assert(readers_agree("models-imported.yaml", text.data,
	    text.length, DOC_MAX_NODES));
	buffer_free(&text);
	buffer_init(&text);
	ck_assert_int_eq(import_render_yaml(&import, data, NULL, NULL, &text,
	    &cause), 0);
	ck_assert(readers_agree("prices.yaml", text.data, text.length,
	    DOC_MAX_NODES));
	buffer_free(&text);
	import_free(&import);
	import_file_free(&file);

	testutil_profile(&profile, "team.expertise=ml_infra "
	    "volume.input_tokens=1B privacy=hard");
	buffer_init(&text);
	profile_write_yaml(&profile, data, &text);
	ck_assert(readers_agree("answers.yaml", text.data, text.length,
	    DOC_MAX_NODES));
	buffer_free(&text);
}
END_TEST

/* Texts the fast reader reads (the same as libyaml, checked). */
static const struct {
	const char *name, *text;
} accepted_cases[] = {
	{ "block", "a: >-\n"
	    "  one\n"
	    "  two\n"
	    "\n"
	    "  three\n"
	    "    indented\n"
	    "  back\n"
	    "b: |\n"
	    "  line1\n"
	    "  line2\n"
	    "\n"
	    "c: >\n"
	    "  x\n"
	    "\n"
	    "\n"
	    "d: |-\n"
	    "  y\n"
	    "e: |+\n"
	    "  z\n"
	    "\n"
	    "\n"
	    "f: >\n"
	    "\n"
	    "  after blank\n"
	    "g: x\n" },
	{ "block_comment_header", "a: > # c\n"
	    "  x\n" },
	{ "block_empty", "a: |\n"
	    "b: >-\n"
	    "c: 1\n" },
	{ "block_eof", "a: >-\n"
	    "  text" },
	{ "block_in_compact", "- a: >-\n"
	    "    folded\n"
	    "    text\n"
	    "  b: 1\n" },
	{ "block_keep_eof", "a: |+\n"
	    "  x\n"
	    "\n" },
	{ "block_literal_trailing_space_line", "a: |\n"
	    "  x\n"
	    "    \n"
	    "  y\n" },
	{ "block_seq", "- >-\n"
	    "  one\n"
	    "  two\n"
	    "- |\n"
	    "   three\n"
	    "- x\n" },
	{ "brackets_in_plain", "a: x [y] {z}, w\n" },
	{ "comments", "a: 1 # one\n"
	    "b: x#y\n"
	    "c: \"q\" # c\n"
	    "# full\n"
	    "  # indented\n"
	    "d: [a, b] # c\n" },
	{ "compact", "- a: 1\n"
	    "  b: 2\n"
	    "-   c: 3\n"
	    "    d:\n"
	    "    - x\n"
	    "    - y\n"
	    "    e: 4\n" },
	{ "compact_nested_deeper", "- - - a\n"
	    "    - b\n"
	    "  - c\n" },
	{ "dash_num", "a: -5\n"
	    "b: [-1, -.5]\n"
	    "c: -x\n" },
	{ "deep", "a:\n"
	    "  b:\n"
	    "    c:\n"
	    "      d: [1, [2, [3]]]\n" },
	{ "deep_indent_map", "a:\n"
	    "        b: 1\n"
	    "        c: 2\n"
	    "d: 3\n" },
	{ "empty", "a:\n"
	    "b:   \n"
	    "c: # c\n"
	    "d:\n"
	    "  e:\n"
	    "f:\n" },
	{ "empty_file", "" },
	{ "empty_seq_item_then_map", "-\n"
	    "  a: 1\n"
	    "- b\n" },
	{ "flow", "a: {x: 1, y: [0, 10]}\n"
	    "b: [a, \"b\", 'c', {d: e}]\n"
	    "c: []\n"
	    "d: {}\n"
	    "e: [a,\n"
	    "   b, c,\n"
	    "   d]\n"
	    "f: [a, ]\n" },
	{ "flow_colon_in_plain", "[a:b, c:d]\n" },
	{ "flow_comment", "a: [x, # c\n"
	    "  y]\n" },
	{ "flow_nested_ml", "a: [[1, 2],\n"
	    "  [3, 4]]\n" },
	{ "flow_quoted_key_newline", "{\"a\":\n"
	    "  1}\n" },
	{ "flow_trailing_comma_map", "{a: 1, }\n" },
	{ "folded_more", "a: >\n"
	    "  x\n"
	    "   y\n"
	    "  z\n"
	    "\n"
	    "   w\n" },
	{ "gt_in_plain", "a: x > y | z\n" },
	{ "hash", "a: \"x # y\"\n"
	    "b: x#y\n"
	    "c: '#'\n"
	    "d: [a#b, \"#\"]\n" },
	{ "indented_root", "  a: 1\n"
	    "  b: 2\n" },
	{ "indentless", "a:\n"
	    "- 1\n"
	    "- 2\n"
	    "b:\n"
	    "  - 3\n"
	    "c: x\n" },
	{ "indentless_then_key_in_compact", "- a:\n"
	    "  - x\n"
	    "  b: 1\n"
	    "- c\n" },
	{ "key_eof", "a:" },
	{ "key_trailing_colon_space", "a:    \n"
	    "  b: 1\n" },
	{ "keyspace", "a key: 1\n"
	    "key with  spaces  : 2\n"
	    "\"quoted key\": 3\n"
	    "'single': 4\n" },
	{ "lead_blank_lines_block", "a: |\n"
	    "\n"
	    "\n"
	    "  x\n" },
	{ "map_in_seq_empty", "- a:\n"
	    "- b:\n"
	    "  c:\n" },
	{ "multi_flow_map", "a: {x: 1,\n"
	    "  y: 2}\n" },
	{ "neg_key", "- -1: x\n" },
	{ "nested_seq", "- - a\n"
	    "  - b\n"
	    "- -   c\n"
	    "  -\n"
	    "-\n"
	    "- x\n" },
	{ "no_newline", "a: 1" },
	{ "nulls", "a: ~\n"
	    "b: null\n"
	    "c: Null\n"
	    "d: NULL\n"
	    "e: nULL\n"
	    "f: \"null\"\n" },
	{ "only_comments", "# nothing\n"
	    "\n"
	    "# here\n" },
	{ "percent", "a: 50%\n" },
	{ "plain_cont_comment", "a: foo\n"
	    "  # c\n"
	    "b: 1\n" },
	{ "plain_cont_dash", "- foo\n"
	    "  - bar\n" },
	{ "plain_quote_inside", "a: it's \"ok\"\n"
	    "b: x\"y\n" },
	{ "quote_ml", "a: 'one  \n"
	    "   two\n"
	    "\n"
	    "   three '\n"
	    "b: \"a \n"
	    "\n"
	    "\n"
	    "  b\"\n" },
	{ "quote_ml_esc", "a: \"x\\ \n"
	    "  y\"\n"
	    "b: \"x\\t \n"
	    "  y\"\n" },
	{ "quoted_empty_ml", "a: \"\n"
	    "  \"\n" },
	{ "quoted_key_colon", "\"a:b\": 1\n"
	    "'c' : 2\n" },
	{ "quoted_spaces_before_break_after_escape", "a: \"x\\  \n"
	    "  y\"\n" },
	{ "quoted_start_spaces_ml", "a: \"  \n"
	    "  x\"\n" },
	{ "quotes", "a: 'it''s'\n"
	    "b: \"say \\\"hi\\\" \\\\ \\/ \\t\\n\"\n"
	    "c: ''\n"
	    "d: \"\"\n"
	    "e: '  lead  '\n"
	    "f: \"x\\u00e9\\x41\\U0001F600\"\n" },
	{ "root_seq", "- 1\n"
	    "- two\n"
	    "- \"three\"\n" },
	{ "seq_dash_eof", "-" },
	{ "seq_in_map_deeper", "a:\n"
	    "    - 1\n"
	    "    - 2\n"
	    "b: 3\n" },
	{ "seq_item_flow", "- [a, b]\n"
	    "- {c: d}\n" },
	{ "single_quoted_ml_empty_lines", "a: 'x\n"
	    "\n"
	    "\n"
	    "  y'\n" },
	{ "star_in_plain", "a: x*y&z!w\n" },
	{ "trailing_ws", "a: 1   \n"
	    "b:    x   \n" },
	{ "unicode", "name: Z\xc3\xbc""rich \xc3\xbc""n\xc3\xaf""c\xc3\xb6""d\xc3\xa9""\n"
	    "k: [\xc3\xa9"", \xc3\xbc"", \"\xc3\xb6""\"]\n"
	    "\"k\xc3\xa9""\": {a: 1, b: \xc3\xa9""}\n"
	    "x: \xe2\x80\x94"" dash\n" },
	{ "unicode_cols2", "a: [\xc3\xa9"", {\xc3\xbc"": \xc3\xb6""}, x]\n"
	    "b: {\xc3\xa9"": 1, \xc3\xbc"": [2, \"3\"]}\n" },
	{ "urls", "a: https://example.com/x?y=1#frag\n"
	    "b: [https://a.b/c, x:y]\n"
	    "c: a:b\n"
	    "d: \"a: b\"\n" },
	{ "weird_key", "-foo: 1\n"
	    ".x: 2\n"
	    "1: 3\n" },
	{ "wrapped", "a:\n"
	    "  source: \"one two\n"
	    "    three\"\n"
	    "  plain: one two\n"
	    "    three\n"
	    "\n"
	    "    four\n"
	    "  next: x\n" },
	{ "wrapped2", "a: one\n"
	    "\n"
	    "\n"
	    "  two   \n"
	    "  three # c\n"
	    "b: 1\n" },
	{ "long_value", NULL },
	{ "key_of_998_bytes", NULL },
};

/* Texts it leaves to libyaml: outside its subset, or errors. */
static const struct {
	const char *name, *text;
} declined_cases[] = {
	{ "anchor", "a: &x 1\n"
	    "b: *x\n" },
	{ "at_start", "a: @x\n" },
	{ "backtick", "a: `x`\n" },
	{ "bad_escape", "a: \"\\q\"\n" },
	{ "bad_indent", "a:\n"
	    "    b: 1\n"
	    "  c: 2\n" },
	{ "block_header_nospace_comment", "a: >#c\n"
	    "  x\n" },
	{ "block_indent_ind", "a: |2\n"
	    "   x\n" },
	{ "block_more_indented_blank", "a: |\n"
	    "    \n"
	    "  x\n" },
	{ "block_trail", "a: |\n"
	    "  x\n"
	    "   \n"
	    "  \n"
	    " b: 1\n" },
	{ "bom", "\xef\xbb\xbf""a: 1\n" },
	{ "colon_end", "a: b:\n" },
	{ "control_in_quote", "a: \"x\x07""\"\n" },
	{ "cr", "a: 1\r\n"
	    "b: 2\r\n" },
	{ "dash_after_key", "a: - b\n" },
	{ "deeper_value_scalar", "a:\n"
	    "  text\n" },
	{ "doc_end", "a: 1\n"
	    "...\n" },
	{ "doc_start", "---\n"
	    "a: 1\n" },
	{ "dup", "a: 1\n"
	    "b: 2\n"
	    "a: 3\n" },
	{ "escaped_break", "a: \"x\\\n"
	    "  y\"\n" },
	{ "flow_colon_bad", "[a:]\n" },
	{ "flow_comment_nospace", "a: [x,#c\n"
	    "  y]\n" },
	{ "flow_double_comma", "[a,,b]\n" },
	{ "flow_empty_val", "{a: , b: 1}\n" },
	{ "flow_multiline_plain", "a: [x\n"
	    "  y]\n" },
	{ "flow_pair_in_seq", "[a: 1]\n" },
	{ "json_like", "{\"a\":1}\n" },
	{ "map_after_seq", "- a\n"
	    "b: 1\n" },
	{ "multi_key_line", "a: b: c\n" },
	{ "nel", "a: x\xc2\x85""y\n" },
	{ "nul_escape", "a: \"x\\0y\"\n" },
	{ "plain_cont_colon", "a: foo\n"
	    "  b: c\n" },
	{ "plain_cont_comment2", "a: foo\n"
	    "  # c\n"
	    "  bar\n" },
	{ "question", "? a\n"
	    ": b\n" },
	{ "quoted_after_quote", "a: \"x\" y\n" },
	{ "quoted_col0_cont", "a: \"x\n"
	    "y\"\n" },
	{ "quoted_hash_nospace", "a: \"x\"#c\n" },
	{ "quoted_ml_key", "\"a\n"
	    " b\": 1\n" },
	{ "scalar_root", "just text\n" },
	{ "seq_then_key", "a:\n"
	    "- 1\n"
	    "- 2\n"
	    "  b: 3\n" },
	{ "tab", "a:\t1\n" },
	{ "tag", "a: !!str 1\n" },
	{ "unicode_cols", "\xc3\xa9"": [\xc3\xa9"", {\xc3\xbc"": \xc3\xb6""}]\n"
	    "\xc3\xbc"": \"\xc3\xa9""\" # x\n"
	    "- x\n" },
	{ "key_of_1100_bytes", NULL },
};

/* The text of a case, the long ones made here. */
static char *
case_text(const char *name, const char *text)
{
	char *made;
	if (text != NULL)
		return strdup(text);
	if (strcmp(name, "long_value") == 0) {
		made = malloc(3 + 3000 + 2);
		memcpy(made, "a: ", 3);
		memset(made + 3, 'x', 3000);
		strcpy(made + 3003, "\n");
		return made;
	}
	size_t key = strcmp(name, "key_of_998_bytes") == 0 ? 998 : 1100;
	made = malloc(key + 5);
	memset(made, 'k', key);
	strcpy(made + key, ": 1\n");
	return made;
}

START_TEST(test_hand_written_cases)
{
	for (size_t i = 0; i < sizeof accepted_cases /
	    sizeof accepted_cases[0]; i++) {
		char *text = case_text(accepted_cases[i].name,
		    accepted_cases[i].text);
		ck_assert_msg(readers_agree(accepted_cases[i].name, text,
		    strlen(text), DOC_MAX_NODES), "%s declined",
		    accepted_cases[i].name);
		same_as_libyaml(accepted_cases[i].name, text, DOC_MAX_NODES);
		free(text);
	}
	for (size_t i = 0; i < sizeof declined_cases /
	    sizeof declined_cases[0]; i++) {
		char *text = case_text(declined_cases[i].name,
		    declined_cases[i].text);
		ck_assert_msg(!readers_agree(declined_cases[i].name, text,
		    strlen(text), DOC_MAX_NODES), "%s accepted",
		    declined_cases[i].name);
		same_as_libyaml(declined_cases[i].name, text, DOC_MAX_NODES);
		free(text);
	}
}
END_TEST

/* The fast reader's tree of text, or fail. */
static void
read_fast(struct doc *doc, const char *text)
{
	char *cause = NULL;
	ck_assert_msg(doc_parse_yaml_reader(doc, "t.yaml", text, strlen(text),
	    DOC_MAX_NODES, DOC_YAML_FAST, &cause) == 0, "declined: %s", text);
}

/* A scalar node has this text, position and style. */
static void
assert_scalar(const struct doc_node *node, const char *text, int line,
    int column, char style)
{
	ck_assert_int_eq(node->type, DOC_SCALAR);
	ck_assert_str_eq(node->scalar, text);
	ck_assert_int_eq(node->line, line);
	ck_assert_int_eq(node->column, column);
	ck_assert_int_eq(node->style, style);
	ck_assert_int_eq(node->quoted, style != 0);
}

START_TEST(test_tricky_values)
{
	/* What libyaml gives, written out, so a change in either reader
	 * shows here too. */
	struct doc doc;
	const struct doc_node *root;

	/* Wrapped plain and quoted scalars fold as libyaml folds them: a
	 * line break is a space, an empty line a line feed; spaces around
	 * breaks go. */
	read_fast(&doc, "a: one  \n  two\n\n   three # c\n"
	    "b: \"x  \n    y\\\" \\\\z\"\nc: 'it''s\n\n  ok'\n");
	root = doc.root;
	assert_scalar(&root->items[0], "one two\nthree", 1, 4, 0);
	assert_scalar(&root->items[1], "x y\" \\z", 5, 4, '"');
	ck_assert_int_eq(root->items[1].key_line, 5);
	assert_scalar(&root->items[2], "it's\nok", 7, 4, '\'');
	doc_free(&doc);

	/* Nothing after "key:" or "-" is null, placed just after it. */
	read_fast(&doc, "key:   # c\nlist:\n  -\n  - x\n");
	root = doc.root;
	assert_scalar(&root->items[0], "", 1, 5, 0);
	ck_assert(root->items[0].null);
	ck_assert_int_eq(root->items[1].type, DOC_SEQUENCE);
	ck_assert_int_eq(root->items[1].line, 3);
	ck_assert_int_eq(root->items[1].column, 3);
	assert_scalar(&root->items[1].items[0], "", 3, 4, 0);
	ck_assert(root->items[1].items[0].null);
	doc_free(&doc);

	/* Colons and '#' inside values; keys with spaces; columns count
	 * characters, not bytes. */
	read_fast(&doc, "url: https://x.org/a#b\nkey with space: \"# no\"\n"
	    "\xc3\xa9t\xc3\xa9: [\xc3\xa9, b:c, x#y]\n");
	root = doc.root;
	assert_scalar(&root->items[0], "https://x.org/a#b", 1, 6, 0);
	ck_assert_str_eq(root->items[1].key, "key with space");
	assert_scalar(&root->items[1], "# no", 2, 17, '"');
	ck_assert_int_eq(root->items[2].column, 6);
	assert_scalar(&root->items[2].items[0], "\xc3\xa9", 3, 7, 0);
	assert_scalar(&root->items[2].items[1], "b:c", 3, 10, 0);
	assert_scalar(&root->items[2].items[2], "x#y", 3, 15, 0);
	doc_free(&doc);

	/* Compact mappings and nested sequences; a folded block. */
	read_fast(&doc, "- - a\n  - b\n- k: v\n  w: >-\n    one\n    two\n");
	root = doc.root;
	ck_assert_int_eq(root->items[0].type, DOC_SEQUENCE);
	ck_assert_int_eq(root->items[0].column, 3);
	ck_assert_int_eq(root->items[1].type, DOC_MAPPING);
	ck_assert_int_eq(root->items[1].line, 3);
	ck_assert_int_eq(root->items[1].column, 3);
	assert_scalar(&root->items[1].items[1], "one two", 4, 6, '>');
	ck_assert_int_eq(root->items[1].items[1].key_column, 3);
	doc_free(&doc);

	/* Flow collections, over lines too. */
	read_fast(&doc, "f: {a: 1, b: [0, 10],\n    c: 'q'}\n");
	root = doc.root;
	ck_assert_int_eq(root->items[0].type, DOC_MAPPING);
	ck_assert_uint_eq(root->items[0].count, 3);
	ck_assert_int_eq(root->items[0].items[1].type, DOC_SEQUENCE);
	assert_scalar(&root->items[0].items[1].items[1], "10", 1, 18, 0);
	assert_scalar(&root->items[0].items[2], "q", 2, 8, '\'');
	ck_assert_int_eq(root->items[0].items[2].key_line, 2);
	doc_free(&doc);
}
END_TEST

START_TEST(test_errors_stay_libyaml_s)
{
	/* Declined texts get libyaml's message, positioned as before. */
	struct doc doc;
	char *cause = NULL;
	ck_assert_int_eq(doc_parse_yaml(&doc, "d.yaml", "a: 1\nb: 2\na: 3\n",
	    15, &cause), -1);
	ck_assert_str_eq(cause,
	    "d.yaml:3:1: duplicate key 'a' (first at line 1)");
	free(cause);
	cause = NULL;
	/* Several duplicates: the first key in sorted order, at its second
	 * occurrence; alike in a small mapping (compared pair by pair) and
	 * a large one (sorted). */
	for (int large = 0; large < 2; large++) {
		struct buffer text;
		buffer_init(&text);
		buffer_add(&text, "b: 1\na: 2\nb: 3\na: 4\na: 5\n");
		for (int i = 0; large && i < 20; i++)
			buffer_printf(&text, "k%d: %d\n", i, i);
		buffer_add(&text, "c: 6\nc: 7\n");
		cause = NULL;
		ck_assert_int_eq(doc_parse_yaml(&doc, "d.yaml", text.data,
		    text.length, &cause), -1);
		ck_assert_str_eq(cause,
		    "d.yaml:4:1: duplicate key 'a' (first at line 2)");
		free(cause);
		buffer_free(&text);
	}
	cause = NULL;
	ck_assert_int_eq(doc_parse_yaml(&doc, "d.yaml", "a: &x 1\nb: *x\n", 14,
	    &cause), -1);
	ck_assert_str_eq(cause,
	    "d.yaml:2:4: YAML aliases (*name) are not supported");
	free(cause);
}
END_TEST

START_TEST(test_node_limit)
{
	/* a, 1, 2, 3, the list and the mapping: six values.  Five are too
	 * many for either reader, with libyaml's message; six are read. */
	const char *text = "a: [1, 2, 3]\n";
	struct doc doc;
	char *cause = NULL;
	ck_assert_int_eq(doc_parse_yaml_reader(&doc, "n.yaml", text,
	    strlen(text), 5, DOC_YAML_FAST, &cause), 1);
	same_as_libyaml("limit 5", text, 5);
	ck_assert_int_eq(doc_parse_yaml_limit(&doc, "n.yaml", text,
	    strlen(text), 5, &cause), -1);
	ck_assert_str_eq(cause, "n.yaml:1:1: more than 5 values: file too "
	    "complex");
	free(cause);
	ck_assert(readers_agree("limit 6", text, strlen(text), 6));
}
END_TEST

static Suite *
doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_keep_texts);
	tcase_add_test(t, test_stream_items);
	tcase_add_test(t, test_readers_agree_on_every_file);
	tcase_add_test(t, test_accepts_what_we_ship);
	tcase_add_test(t, test_accepts_what_we_write);
	tcase_add_test(t, test_hand_written_cases);
	tcase_add_test(t, test_tricky_values);
	tcase_add_test(t, test_errors_stay_libyaml_s);
	tcase_add_test(t, test_node_limit);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(doc_suite());
}
