/* heap.c - the process heap on a large page where the system offers one.
 *
 * The first touch of each 4 KiB page of memory costs a page fault.  On
 * the virtual machines this tool is measured on a fault takes about
 * 11 us (README, "Speed"), and a batch run touches some 500 pages of
 * heap: a quarter of its time.  Where transparent huge pages are on for
 * regions that ask (Linux's "madvise" mode, the common default), a
 * region marked MADV_HUGEPAGE is mapped a 2 MiB page at a time instead:
 * one fault for what took 512.
 *
 * heap_use_large_pages keeps glibc's allocations in its brk heap (large
 * blocks included, which it would otherwise map one by one), grows that
 * heap enough at once, skips to the first 2 MiB boundary (the bytes
 * before it are reserved, never touched, so they cost no memory) and
 * marks the following HEAP_LARGE_PAGES pages.  Where any step is not
 * available - another C library, no THP, a sanitizer's or valgrind's
 * allocator, whose blocks are not in the brk heap - it does nothing and
 * the program runs as before.  Only main calls it, first thing: the
 * process, not the core library, decides how its memory is mapped. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "heap.h"

/* One transparent huge page on x86-64 and most 64-bit Linux systems. */
#define HEAP_PAGE ((uintptr_t)2 << 20)
/* How many of them the heap starts on: a default batch run allocates
 * about 1.5 MiB, and each page marked counts whole once touched. */
#define HEAP_LARGE_PAGES 1

#if defined(__GLIBC__) && defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
/* The block that holds the heap up to the boundary: kept, so that leak
 * checkers see it reachable. */
static void *heap_reserve;
#endif

/* Puts the heap's next allocations on large pages (see above); true
 * when the heap was marked. */
bool
heap_use_large_pages(void)
{
#if defined(__GLIBC__) && defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
	const uintptr_t span = HEAP_PAGE * HEAP_LARGE_PAGES;
	const size_t probe_size = 32 * 1024;
	/* Blocks up to the whole span stay in the heap, and the heap grows
	 * by the span and a page of slack at once. */
	if (heap_reserve != NULL ||
	    mallopt(M_MMAP_THRESHOLD, (int)span) == 0 ||
	    mallopt(M_TOP_PAD, (int)(span + HEAP_PAGE)) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, (int)(4 * span)) == 0)
		return false;
	/* A block this size comes from the heap's top at start-up; the
	 * reserve follows it. */
	char *probe = malloc(probe_size);
	if (probe == NULL)
		return false;
	uintptr_t here = (uintptr_t)probe + probe_size;
	uintptr_t boundary = (here + 4096 + HEAP_PAGE - 1) & ~(HEAP_PAGE - 1);
	/* Reserve the heap up to the boundary so that what follows is
	 * allocated on the large page; glibc leaves a block's inside
	 * untouched, so the reserve holds no memory. */
	heap_reserve = malloc(boundary - here - 64);
	void *top = sbrk(0);
	free(probe);
	if (heap_reserve == NULL || top == (void *)-1)
		return false;
	/* Not the brk heap (a replaced allocator), or it did not grow:
	 * nothing to mark. */
	uintptr_t reserve = (uintptr_t)heap_reserve;
	if (reserve < here || reserve >= boundary ||
	    boundary + span > (uintptr_t)top)
		return false;
	return madvise((void *)boundary, span, MADV_HUGEPAGE) == 0;
#else
	return false;
#endif
}
