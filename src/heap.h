/* heap.h - the process heap on a large page (heap.c). */
#ifndef LLMADVISOR_HEAP_H
#define LLMADVISOR_HEAP_H

#include <stdbool.h>

bool heap_use_large_pages(void);

#endif
