/* heap.c - the process heap on a large page where the system offers one.
 *
 * The first touch of each 4 KiB page of memory costs a page fault.  On
 * the virtual machines this tool is measured on a fault takes about
 * 11 us (README, "Speed"), and a batch run touches some 500 pages of
 * heap: a quarter of its time (with a full price-list import, 3,000).  Where transparent huge pages are on for
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
/* How many of them are marked (32 MiB of address space, memory only as
 * touched): a default batch run stays within the first (its peak heap is
 * under 2 MiB, so its resident memory does not grow), larger data and a
 * full price-list import use more of them instead of thousands of small
 * pages (LiteLLM's import: 3,100 faults -> 200, 78 -> 26 ms, 17.3 ->
 * 18.0 MiB resident).  Each page counts whole once touched. */
#define HEAP_LARGE_PAGES 16
/* How often the reserve is asked again when a free block took it. */
#define HEAP_RESERVE_TRIES 8

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
	/* Blocks up to four spans stay in the heap, and the heap grows by
	 * the span and a page of slack at once. */
	if (heap_reserve != NULL ||
	    mallopt(M_MMAP_THRESHOLD, (int)(4 * span)) == 0 ||
	    mallopt(M_TOP_PAD, (int)(span + HEAP_PAGE)) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, (int)(8 * span)) == 0)
		return false;
	/* Where the heap's free top begins: the break less the top's size
	 * (keepcost), whatever the heap held before; an allocation first,
	 * so that a heap not yet begun has its first blocks (glibc's own). */
	void *volatile first = malloc(1);	/* volatile: not elided */
	free(first);
	/* Reserve the heap from its top up to the boundary, so that what
	 * follows is allocated on the large page; glibc leaves a block's
	 * inside untouched, so the reserve holds no memory.  The reserve is
	 * larger than the top's free part (keepcost), so the heap must grow,
	 * by the pad, past the span.  A free block elsewhere can still be
	 * large enough (a process that freed much, as a test runner has):
	 * then that block is held and the reserve asked again, a few times
	 * (test_heap_large_pages failed one run in many before). */
	void *held[HEAP_RESERVE_TRIES];
	size_t held_count = 0;
	uintptr_t top = 0, boundary = 0, end = 0;
	bool placed = false;
	while (!placed && held_count < HEAP_RESERVE_TRIES) {
		void *brk_end = sbrk(0);
		if (brk_end == (void *)-1)
			break;
		size_t keep = mallinfo2().keepcost;
		top = (uintptr_t)brk_end - keep;
		boundary = (top + keep + 64 * 1024 + HEAP_PAGE - 1) &
		    ~(HEAP_PAGE - 1);
		void *block = malloc(boundary - top - 64);
		brk_end = sbrk(0);
		if (block == NULL || brk_end == (void *)-1)
			break;
		end = (uintptr_t)brk_end;
		uintptr_t at = (uintptr_t)block;
		/* From the top and near its start, or a replaced allocator
		 * (ASan, valgrind), whose blocks are not in the brk heap. */
		if (at >= top && at <= top + 64 * 1024) {
			heap_reserve = block;
			placed = true;
		} else if (at < top && at >= top - ((uintptr_t)64 << 20)) {
			held[held_count++] = block;	/* a free block: ask again */
		} else {
			free(block);
			break;
		}
	}
	for (size_t i = 0; i < held_count; i++)
		free(held[i]);
	/* The heap did not grow past the span: nothing to mark. */
	if (!placed || boundary + span > end)
		return false;
	return madvise((void *)boundary, span, MADV_HUGEPAGE) == 0;
#else
	return false;
#endif
}
