/* fuzz.h - helpers shared by the libFuzzer harnesses of fuzz/ (which also
 * link with AFL++'s afl-clang-fast -fsanitize=fuzzer): the repository's
 * data and rules as compiled into the program, a values array full of
 * awkward numbers, and a way to stop loudly when an invariant breaks.
 *
 * Every harness defines LLVMFuzzerTestOneInput and sets itself up lazily
 * on its first input, so it needs no LLVMFuzzerInitialize. */
#ifndef LLMADVISOR_FUZZ_H
#define LLMADVISOR_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data.h"
#include "report.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated, malloc'd copy of the input (it may hold NUL bytes of
 * its own: the length is the input's). */
char *fuzz_text(const uint8_t *data, size_t size);
/* The text of a data file compiled into the program (models.yaml, ...). */
const char *fuzz_embedded(const char *name);
/* The repository's data and rules, loaded once from the embedded copy. */
const struct data *fuzz_data(void);
const struct rules *fuzz_rules(void);
/* Fills values[0..count) with awkward numbers (zero, minus zero, NaN,
 * infinities, huge, tiny, choice indexes) picked by seed. */
void fuzz_values(double *values, size_t count, unsigned seed);
/* Evaluates a profile cheaply (a few Monte Carlo samples, flip points
 * when asked) and renders it in every format; checks the JSON parses. */
void fuzz_report(const struct data *, const struct rules *,
	const struct profile *, bool flip_points);
/* A hash of the input (FNV-1a), to pick the inputs that get costly extra
 * checks: unlike the size, a mutation changes it, so the fuzzer cannot
 * learn to keep every input on the costly path. */
uint32_t fuzz_hash(const uint8_t *data, size_t size);
/* Checks what a failed compile left: no result, a message, and an error
 * offset inside text. */
void fuzz_compile_failure(const void *result, const char *cause,
	size_t offset, const char *text);
/* True when message starts with "prefix:". */
bool fuzz_names(const char *message, const char *prefix);
/* Prints what broke and aborts, so the fuzzer keeps the input. */
void fuzz_fail(const char *format, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#endif
