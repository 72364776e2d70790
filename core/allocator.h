#pragma once

namespace ProcLab::Allocator {

// Keeps ProcLab's resident size where its live data is, over hours of output.
//
// glibc raises its mmap threshold each time a large block is freed, after which blocks of that size
// come from the heap; freed there, they stay as holes that smaller blocks only partly reuse. The
// long lines the bounded logs keep dropping (up to 64 Ki characters, 128 KiB each) then make the
// resident size creep up while the memory in use stays flat: 50 to 100 MB more in a 10-minute soak
// with the window. A fixed threshold keeps blocks of 128 KiB and more in mappings of their own,
// returned to the system when freed. Reads (at most a pipe's 64 KiB) stay below it.
//
// Call once, first thing in main(). Does nothing where the C library is not glibc.
void returnLargeBlocksToTheSystem();

} // namespace ProcLab::Allocator
