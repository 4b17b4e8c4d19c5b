/* test_util.c - numbers, formatting, buffers and atomic writes. */
#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
#endif
#include <locale.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "heap.h"
#include "testutil.h"
#include "util.h"

START_TEST(test_parse_number_suffixes)
{
	double v;
	ck_assert_int_eq(util_parse_number("10M", true, &v), 0);
	ck_assert_double_eq(v, 10e6);
	ck_assert_int_eq(util_parse_number("1.5B", true, &v), 0);
	ck_assert_double_eq(v, 1.5e9);
	ck_assert_int_eq(util_parse_number("250k", true, &v), 0);
	ck_assert_double_eq(v, 250e3);
	ck_assert_int_eq(util_parse_number("0.3", false, &v), 0);
	ck_assert_double_eq_tol(v, 0.3, 1e-15);
	ck_assert_int_eq(util_parse_number("1e7", false, &v), 0);
	ck_assert_double_eq(v, 1e7);
}
END_TEST

START_TEST(test_parse_number_rejects)
{
	static const char *const bad[] = {
		"", "M", "10MM", "10X", "10 M", "0x10", "inf", "nan", "1,5",
		"1e999", "fast", "10M", NULL
	};
	double v = 42;
	/* "10M" is rejected only where suffixes are not allowed (last). */
	for (int i = 0; bad[i + 1] != NULL; i++)
		ck_assert_msg(util_parse_number(bad[i], true, &v) != 0,
		    "accepted '%s'", bad[i]);
	ck_assert_int_ne(util_parse_number("10M", false, &v), 0);
	ck_assert_double_eq(v, 42);
}
END_TEST

/* strtod's reading of text (C locale), suffix as util_parse_number
 * defines it: the reference the fast path must match. */
static int
reference_number(const char *text, double *value)
{
	static const struct { char letter; const char *power; } suffixes[] = {
		{ 'k', "e3" }, { 'K', "e3" }, { 'm', "e6" }, { 'M', "e6" },
		{ 'B', "e9" }, { 'G', "e9" }, { 'T', "e12" },
	};
	char scaled[96];
	char *end;
	double number = strtod(text, &end);
	if (end == text || !(text[0] == '-' || text[0] == '+' ||
	    text[0] == '.' || (text[0] >= '0' && text[0] <= '9')))
		return -1;
	if (*end != '\0') {
		const char *power = NULL;
		for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
			if (*end == suffixes[i].letter && end[1] == '\0')
				power = suffixes[i].power;
		if (power == NULL)
			return -1;
		snprintf(scaled, sizeof scaled, "%.*s%s", (int)(end - text), text,
		    power);
		number = strtod(scaled, &end);
		if (*end != '\0')
			return -1;
	}
	*value = number + 0.0;
	return 0;
}

START_TEST(test_parse_number_matches_strtod)
{
	/* The common case is read without strtod (util.c): on 200,000
	 * random decimals, with and without fractions, exponents and
	 * suffixes, it gives strtod's double bit for bit, and refuses what
	 * strtod's path refuses. */
	static const char tail[] = "kMmBGTe.x";
	uint64_t seed = 88172645463325252ull;
	char text[80];
	for (int n = 0; n < 200000; n++) {
		size_t length = 0;
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		uint64_t bits = seed;
		int whole = (int)(bits % 19), fraction = (int)(bits >> 8) % 19;
		if ((bits >> 16) % 5 == 0)
			text[length++] = (bits >> 20) % 2 ? '-' : '+';
		for (int i = 0; i < whole; i++)
			text[length++] = (char)('0' + (bits >> (24 + i * 2)) % 10 *
			    ((bits >> 60) % 3 != 0 || i > 0));
		if ((bits >> 40) % 3 != 0) {
			text[length++] = '.';
			for (int i = 0; i < fraction; i++) {
				seed ^= seed << 13, seed ^= seed >> 7,
				    seed ^= seed << 17;
				text[length++] = (char)('0' + seed % 10);
			}
		}
		if ((bits >> 44) % 4 == 0)
			length += (size_t)snprintf(text + length, 12, "e%s%d",
			    (bits >> 46) % 2 ? "-" : "", (int)((bits >> 48) % 30));
		if ((bits >> 54) % 4 == 0)
			text[length++] = tail[(bits >> 56) % (sizeof tail - 1)];
		text[length] = '\0';
		double expected = 42, got = 42;
		int want = reference_number(text, &expected);
		ck_assert_msg(util_parse_number(text, true, &got) == want,
		    "'%s': %s", text, want == 0 ? "refused" : "accepted");
		ck_assert_msg(memcmp(&got, &expected, sizeof got) == 0,
		    "'%s': %.17g, strtod %.17g", text, got, expected);
	}
}
END_TEST

START_TEST(test_join_dotted)
{
	/* "a.b", cut exactly where snprintf("%s.%s") cuts, at every size. */
	static const char *const pairs[][2] = {
		{ "models", "input_price" }, { "", "x" }, { "gpus.h100", "" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		for (size_t size = 1; size < 24; size++) {
			char got[24], want[24];
			memset(got, '#', sizeof got);
			util_join_dotted(got, size, pairs[i][0], pairs[i][1]);
			snprintf(want, size, "%s.%s", pairs[i][0], pairs[i][1]);
			ck_assert_str_eq(got, want);
		}
}
END_TEST

START_TEST(test_arena_release_to)
{
	/* Releasing to a mark frees what came after it, across blocks, and
	 * the arena hands out the same memory again; what came before
	 * stays. */
	struct arena arena = { 0 };
	char *kept = arena_strdup(&arena, "kept");
	struct arena_mark mark = arena_mark(&arena);
	char *first = arena_alloc(&arena, 100);
	for (int i = 0; i < 10; i++)
		ck_assert_ptr_nonnull(arena_alloc(&arena, 10000));
	arena_release_to(&arena, mark);
	ck_assert_ptr_eq(arena.first, mark.block);
	ck_assert_ptr_eq(arena_alloc(&arena, 100), first);
	ck_assert_str_eq(kept, "kept");
	/* A mark of an empty arena releases everything. */
	struct arena empty = { 0 };
	mark = arena_mark(&empty);
	arena_alloc(&empty, 50000);
	arena_release_to(&empty, mark);
	ck_assert_ptr_null(empty.first);
	arena_free(&arena);
}
END_TEST

START_TEST(test_numbers_ignore_locale)
{
	/* Where a decimal-comma locale exists, numbers still use '.'. */
	char out[64];
	double v;
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
		setlocale(LC_NUMERIC, "de_DE");
	ck_assert_int_eq(util_parse_number("2.5", false, &v), 0);
	ck_assert_double_eq(v, 2.5);
	util_snprintf_c(out, sizeof out, "%.2f", 1234.5);
	ck_assert_str_eq(out, "1234.50");
	util_format_money(out, sizeof out, 4.5);
	ck_assert_str_eq(out, "$4.50");
	setlocale(LC_ALL, "C");
}
END_TEST

START_TEST(test_format)
{
	char out[64];
	/* One rule: cents only below $10. */
	util_format_money(out, sizeof out, 60);
	ck_assert_str_eq(out, "$60");
	util_format_money(out, sizeof out, 9.99);
	ck_assert_str_eq(out, "$9.99");
	util_format_money(out, sizeof out, 10);
	ck_assert_str_eq(out, "$10");
	util_format_money(out, sizeof out, 1460);
	ck_assert_str_eq(out, "$1,460");
	util_format_money(out, sizeof out, 1234567.4);
	ck_assert_str_eq(out, "$1,234,567");
	util_format_money(out, sizeof out, -250);
	ck_assert_str_eq(out, "-$250");
	util_format_tokens(out, sizeof out, 12e6);
	ck_assert_str_eq(out, "12M");
	util_format_tokens(out, sizeof out, 1.5e9);
	ck_assert_str_eq(out, "1.5B");
	util_format_tokens(out, sizeof out, 250e3);
	ck_assert_str_eq(out, "250k");
	util_format_tokens(out, sizeof out, 500);
	ck_assert_str_eq(out, "500");
	util_format_tokens(out, sizeof out, 62.5e6);
	ck_assert_str_eq(out, "62.5M");
	util_format_percent(out, sizeof out, 0.3);
	ck_assert_str_eq(out, "30%");
	/* One decimal below 10%, decided on the rounded figure: a flip
	 * point at 9.996% reads "10%", like its neighbour at 60%. */
	util_format_percent(out, sizeof out, 0.09996);
	ck_assert_str_eq(out, "10%");
	util_format_percent(out, sizeof out, 0.0994);
	ck_assert_str_eq(out, "9.9%");
	util_format_percent(out, sizeof out, 0.005);
	ck_assert_str_eq(out, "0.5%");
	util_format_percent(out, sizeof out, 0);
	ck_assert_str_eq(out, "0%");
}
END_TEST

/* Issue 16: the English forms of the language-aware formatters, with
 * a plain number grouped like the money and counts around it. */
START_TEST(test_format_in_english)
{
	char out[64];
	util_format_number_in(I18N_ENGLISH, out, sizeof out, 1234.5, 2);
	ck_assert_str_eq(out, "1,234.5");
	util_format_number_in(I18N_ENGLISH, out, sizeof out, 2.50, 2);
	ck_assert_str_eq(out, "2.5");
	util_format_number_in(I18N_ENGLISH, out, sizeof out, -0.001, 2);
	ck_assert_str_eq(out, "0");
	util_format_number_in(I18N_ENGLISH, out, sizeof out, 1032192, 0);
	ck_assert_str_eq(out, "1,032,192");
	util_format_tokens_in(I18N_ENGLISH, out, sizeof out, 50e6);
	ck_assert_str_eq(out, "50M");
	util_format_percent_in(I18N_ENGLISH, out, sizeof out, 0.095);
	ck_assert_str_eq(out, "9.5%");
	util_format_count_in(I18N_ENGLISH, out, sizeof out, 10000);
	ck_assert_str_eq(out, "10,000");
	util_format_money_in(I18N_ENGLISH, out, sizeof out, -1234);
	ck_assert_str_eq(out, "-$1,234");
	/* The count that picks "1 month" or "1.5 months". */
	ck_assert_uint_eq(util_plural_count(1), 1);
	ck_assert_uint_eq(util_plural_count(0), 0);
	ck_assert_uint_eq(util_plural_count(1.5), 2);
	ck_assert_uint_eq(util_plural_count(-1), 2);
	ck_assert_uint_eq(util_plural_count(NAN), 2);
}
END_TEST

#if ENABLE_NLS
/* Issue 16: with the German catalogue, human figures are German by the
 * language passed, not by LC_NUMERIC (the C locale here): 1.000, 12,5 %
 * and "Mrd." for 10^9, since a German "Billion" is 10^12.  The English
 * forms stay English under the same catalogue (JSON and YAML use
 * them). */
/* The space before a unit is a no-break space (U+00A0): a wrapped line
 * never ends in "1.234" and starts the next with "$". */
START_TEST(test_format_in_german)
{
	char dir[] = "/tmp/llmadvisor-test-XXXXXX", path[300], out[64];
	char command[1200];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/de", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/de/LC_MESSAGES/%s.mo", dir, PACKAGE);
	/* Compiled from po/de.po itself: a po/de.gmo of an earlier build
	 * may lack the newest entries. */
	snprintf(command, sizeof command, "msgfmt -o '%s' '%s'", path,
	    testutil_path("po/de.po"));
	ck_assert_msg(system(command) == 0, "%s failed (gettext's msgfmt is "
	    "needed to build with NLS)", command);
	setenv("LANGUAGE", "de", 1);
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	bindtextdomain(PACKAGE, dir);
	textdomain(PACKAGE);

	util_format_number_in(I18N_TRANSLATED, out, sizeof out, 1234.5, 2);
	ck_assert_str_eq(out, "1.234,5");
	util_format_count_in(I18N_TRANSLATED, out, sizeof out, 1000);
	ck_assert_str_eq(out, "1.000");
	util_format_percent_in(I18N_TRANSLATED, out, sizeof out, 0.095);
	ck_assert_str_eq(out, "9,5\u00a0%");
	util_format_tokens_in(I18N_TRANSLATED, out, sizeof out, 50e6);
	ck_assert_str_eq(out, "50\u00a0Mio.");
	util_format_tokens_in(I18N_TRANSLATED, out, sizeof out, 1.5e9);
	ck_assert_str_eq(out, "1,5\u00a0Mrd.");
	util_format_tokens_in(I18N_TRANSLATED, out, sizeof out, 250e3);
	ck_assert_str_eq(out, "250\u00a0Tsd.");
	util_format_money_in(I18N_TRANSLATED, out, sizeof out, 1234);
	ck_assert_str_eq(out, "1.234\u00a0$");
	util_format_money_in(I18N_TRANSLATED, out, sizeof out, -4.5);
	ck_assert_str_eq(out, "-4,50\u00a0$");
	/* English under the German catalogue. */
	util_format_money(out, sizeof out, 1234);
	ck_assert_str_eq(out, "$1,234");
	util_format_tokens(out, sizeof out, 1.5e9);
	ck_assert_str_eq(out, "1.5B");
	util_format_number_in(I18N_ENGLISH, out, sizeof out, 12.5, 1);
	ck_assert_str_eq(out, "12.5");

	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
	unlink(path);
	snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/de", dir);
	rmdir(path);
	rmdir(dir);
}
END_TEST
#endif

START_TEST(test_buffer)
{
	struct buffer b;
	buffer_init(&b);
	for (int i = 0; i < 1000; i++)
		buffer_printf(&b, "%d,", i);
	ck_assert(!b.failed);
	ck_assert_uint_eq(strlen(b.data), b.length);
	ck_assert(strncmp(b.data, "0,1,2,", 6) == 0);
	buffer_free(&b);
	ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(test_atomic_write)
{
	char dir[] = "/tmp/llmadvisor-test-XXXXXX", path[256], *text, *cause = NULL;
	size_t length;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.txt", dir);
	ck_assert_int_eq(file_write_atomic(path, "first\n", 6, &cause), 0);
	ck_assert_int_eq(file_write_atomic(path, "second\n", 7, &cause), 0);
	ck_assert_int_eq(file_read(path, &text, &length, &cause), 0);
	ck_assert_str_eq(text, "second\n");
	free(text);
	/* A symbolic link is kept; the file it names is replaced. */
	char link_path[300];
	snprintf(link_path, sizeof link_path, "%s/link.txt", dir);
	ck_assert_int_eq(symlink("out.txt", link_path), 0);
	ck_assert_int_eq(file_write_atomic(link_path, "third\n", 6,
	    &cause), 0);
	struct stat st;
	ck_assert_int_eq(lstat(link_path, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(file_read(path, &text, &length, &cause), 0);
	ck_assert_str_eq(text, "third\n");
	free(text);
	/* A device is written in place, never replaced by a file. */
	ck_assert_int_eq(file_write_atomic("/dev/null", "x", 1, &cause), 0);
	ck_assert_int_eq(stat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));
	if (access("/dev/full", W_OK) == 0) {
		ck_assert_int_ne(file_write_atomic("/dev/full", "x", 1,
		    &cause), 0);
		ck_assert_ptr_nonnull(strstr(cause, "/dev/full: cannot write"));
		free(cause);
		cause = NULL;
		ck_assert_int_eq(stat("/dev/full", &st), 0);
		ck_assert(S_ISCHR(st.st_mode));
	}
	/* A target in a missing folder fails cleanly and leaves nothing. */
	snprintf(path, sizeof path, "%s/missing/out.txt", dir);
	ck_assert_int_ne(file_write_atomic(path, "x", 1, &cause), 0);
	ck_assert_ptr_nonnull(strstr(cause, "missing/out.txt"));
	free(cause);
	snprintf(path, sizeof path, "rm -r '%s'", dir);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

START_TEST(test_error_escapes_terminal_controls)
{
	/* Messages quote the input: nothing in them may drive a terminal,
	 * but letters of any language stay. */
	char *cause = NULL;
	util_error_at(&cause, "f\x1b.yaml", 1, 2, "got \"%s\"",
	    "\x1b[2J\t\n\r\x7f\xc2\x9b" "31m\xff\xe2\x82 Grüße €");
	ck_assert_str_eq(cause, "f\\x1B.yaml:1:2: got \"\\x1B[2J\\t\\n\\r"
	    "\\x7F\\u009B31m\\xFF\\xE2\\x82 Grüße €\"");
	util_error(&cause, "%s", "");
	ck_assert_str_eq(cause, "");
	free(cause);
	/* Overlong forms and surrogates are not UTF-8. */
	unsigned long code;
	ck_assert_uint_eq(util_utf8_decode((const unsigned char *)"\xc0\xaf",
	    &code), 0);
	ck_assert_uint_eq(util_utf8_decode((const unsigned char *)
	    "\xed\xa0\x80", &code), 0);
	ck_assert_uint_eq(util_utf8_decode((const unsigned char *)"\xe2\x82\xac",
	    &code), 3);
	ck_assert_uint_eq(code, 0x20AC);
}
END_TEST

START_TEST(test_read_file_errors)
{
	char *text = NULL, *cause = NULL;
	size_t length;
	ck_assert_int_ne(file_read("/nonexistent/x.yaml", &text, &length,
	    &cause), 0);
	ck_assert_ptr_nonnull(strstr(cause, "/nonexistent/x.yaml"));
	free(cause);
	cause = NULL;
	ck_assert_int_ne(file_read("/tmp", &text, &length, &cause), 0);
	ck_assert_ptr_nonnull(strstr(cause, "not a regular file"));
	free(cause);
}
END_TEST

START_TEST(test_negative_zero_prints_as_zero)
{
	/* -0 (typed, or a tiny negative that rounds away) reads 0. */
	char out[64];
	double v;
	ck_assert_int_eq(util_parse_number("-0", false, &v), 0);
	ck_assert(!signbit(v));
	ck_assert_int_eq(util_parse_number("-0k", true, &v), 0);
	ck_assert(!signbit(v));
	util_format_tokens(out, sizeof out, -0.0);
	ck_assert_str_eq(out, "0");
	util_format_tokens(out, sizeof out, -0.001);
	ck_assert_str_eq(out, "0");
	/* Nothing is "$0" (issue 16: "$0.00 hardware"); a tenth of a
	 * cent keeps its cents. */
	util_format_money(out, sizeof out, -0.0);
	ck_assert_str_eq(out, "$0");
	util_format_money(out, sizeof out, 0);
	ck_assert_str_eq(out, "$0");
	util_format_money(out, sizeof out, -0.001);
	ck_assert_str_eq(out, "$0.00");
	util_format_percent(out, sizeof out, -0.0);
	ck_assert_str_eq(out, "0%");
	util_format_percent(out, sizeof out, -0.0000001);
	ck_assert_str_eq(out, "0.0%");
	util_format_money(out, sizeof out, -0.5);
	ck_assert_str_eq(out, "-$0.50");
	util_format_tokens(out, sizeof out, -1500);
	ck_assert_str_eq(out, "-1.5k");
}
END_TEST

START_TEST(test_bidirectional_overrides_escaped)
{
	/* U+202A-U+202E and U+2066-U+2069 reorder what follows on the
	 * screen (Trojan Source): escaped like the other controls, while
	 * their neighbours U+2029, U+202F, U+2065 and U+206A stay. */
	static const char *const overrides[] = {
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac",
		"\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x81\xa6",
		"\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9",
	};
	static const char *const escaped[] = {
		"\\u202A", "\\u202B", "\\u202C", "\\u202D", "\\u202E",
		"\\u2066", "\\u2067", "\\u2068", "\\u2069",
	};
	char *cause = NULL, expected[64];
	for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
		util_error(&cause, "a%sb", overrides[i]);
		snprintf(expected, sizeof expected, "a%sb", escaped[i]);
		ck_assert_str_eq(cause, expected);
		ck_assert(util_is_bidirectional_control(0x202A + (i < 5 ? i :
		    0x3C + i - 5)));
	}
	util_error(&cause, "%s", "\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5"
	    "\xe2\x81\xaa");
	ck_assert_str_eq(cause, "\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5"
	    "\xe2\x81\xaa");
	free(cause);
	/* Reports and listings escape through the buffer. */
	struct buffer b;
	buffer_init(&b);
	buffer_add(&b, "keep\xe2\x80\xae" "evil\xe2\x81\xa6\n");
	buffer_escape_controls(&b, 4);
	ck_assert_str_eq(b.data, "keep\\u202Eevil\\u2066\n");
	buffer_free(&b);
}
END_TEST

/* The process's memory on transparent huge pages, in KiB (-1: unknown). */
static long
util_test_huge_kib(void)
{
	char line[256];
	long kib = -1;
	FILE *f = fopen("/proc/self/smaps_rollup", "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "AnonHugePages: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* heap_use_large_pages (heap.c): where Linux gives transparent huge pages
 * to regions that ask and malloc is glibc's brk heap, the allocations
 * after it land on a large page, so touching a megabyte of them adds a
 * 2 MiB page instead of 256 small ones. */
START_TEST(test_heap_large_pages)
{
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (f != NULL) {
		if (fgets(mode, sizeof mode, f) == NULL)
			mode[0] = '\0';
		fclose(f);
	}
	if (strstr(mode, "[madvise]") == NULL &&
	    strstr(mode, "[always]") == NULL) {
		printf("SKIP: transparent huge pages are off here: "
		    "heap_use_large_pages not checked\n");
		return;
	}
	const char *preload = getenv("LD_PRELOAD");
	/* Whether a fresh block lands in the brk heap, near its break
	 * (decided before the block is freed). */
	void *probe = malloc(1);
	uintptr_t here = (uintptr_t)probe, top = (uintptr_t)sbrk(0);
	bool brk_heap = here <= top && top - here <= ((uintptr_t)64 << 20);
	free(probe);
	if ((preload != NULL && strstr(preload, "vgpreload") != NULL) ||
	    !brk_heap || util_test_huge_kib() < 0) {
		printf("SKIP: malloc is not glibc's brk heap here (valgrind "
		    "or a sanitizer), or no smaps: heap_use_large_pages not "
		    "checked\n");
		return;
	}
	/* The heap's free top made larger than the reserve would be (as in
	 * a process that freed much, this test runner's forks among them):
	 * the reserve came from the top without growing the heap past the
	 * span, and nothing was marked. */
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	void *volatile freed = malloc((size_t)3 << 20);	/* not elided */
	free(freed);
	long before = util_test_huge_kib();
	ck_assert(heap_use_large_pages());
	/* Only once per process. */
	ck_assert(!heap_use_large_pages());
	size_t size = (size_t)1 << 20;
	char *block = malloc(size);
	ck_assert_ptr_nonnull(block);
	memset(block, 1, size);
	ck_assert_int_ge(util_test_huge_kib() - before, 2048);
	free(block);
}
END_TEST

static Suite *
util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_parse_number_suffixes);
	tcase_add_test(t, test_parse_number_rejects);
	tcase_add_test(t, test_parse_number_matches_strtod);
	tcase_add_test(t, test_join_dotted);
	tcase_add_test(t, test_arena_release_to);
	tcase_add_test(t, test_numbers_ignore_locale);
	tcase_add_test(t, test_format);
	tcase_add_test(t, test_format_in_english);
#if ENABLE_NLS
	tcase_add_test(t, test_format_in_german);
#endif
	tcase_add_test(t, test_buffer);
	tcase_add_test(t, test_atomic_write);
	tcase_add_test(t, test_read_file_errors);
	tcase_add_test(t, test_error_escapes_terminal_controls);
	tcase_add_test(t, test_negative_zero_prints_as_zero);
	tcase_add_test(t, test_bidirectional_overrides_escaped);
	tcase_add_test(t, test_heap_large_pages);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(util_suite());
}
