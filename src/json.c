/* json.c - printing cJSON trees (see json.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "json.h"

/* True for the UTF-8 bytes of a C1 control (U+0080-U+009F) or of a
 * bidirectional override (U+202A-U+202E, U+2066-U+2069) at p; sets the
 * code point and the sequence length. */
static bool
json_needs_escape(const unsigned char *p, unsigned long *code, size_t *n)
{
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
		*code = p[1];
		*n = 2;
		return true;
	}
	if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) &&
	    (p[2] & 0xC0) == 0x80) {
		*code = 0x2000 | (unsigned long)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		*n = 3;
		return util_is_bidirectional_control(*code);
	}
	return false;
}

/* Prints, frees, and escapes what cJSON leaves raw (see json.h). */
int
json_print(cJSON *root, struct buffer *out, char **cause)
{
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL) {
		util_error(cause, _("out of memory while writing JSON"));
		return -1;
	}
	/* Outside strings JSON has only ASCII, so these bytes are always
	 * inside a string, where \uNNNN means the same character. */
	const unsigned char *p = (const unsigned char *)text;
	const unsigned char *plain = p;
	for (; *p != '\0'; p++) {
		unsigned long code;
		size_t n;
		if (*p < 0xC2 || !json_needs_escape(p, &code, &n))
			continue;
		buffer_add_length(out, (const char *)plain,
		    (size_t)(p - plain));
		buffer_printf(out, "\\u%04lx", code);
		p += n - 1;
		plain = p + 1;
	}
	buffer_add(out, (const char *)plain);
	buffer_add_char(out, '\n');
	cJSON_free(text);
	return 0;
}
