#include "allocator.h"

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ProcLab::Allocator {

namespace {

constexpr int LargeBlockBytes = 128 * 1024;

} // namespace

void returnLargeBlocksToTheSystem()
{
#if defined(__GLIBC__)
    // Setting it also turns glibc's dynamic adjustment off.
    mallopt(M_MMAP_THRESHOLD, LargeBlockBytes);
#endif
}

} // namespace ProcLab::Allocator
