/* proclab-bench-pacer RATE LENGTH: writes RATE lines per second of LENGTH bytes (newline included)
 * until killed, the steady flood the window is measured under.
 *
 * Lines go out in bursts every 10 ms on an absolute schedule, so the rate holds however long each
 * write takes; if the reader falls behind, write() blocks and the backlog follows as soon as it can,
 * which is how a real program behaves behind a slow pipe. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    TickNanoseconds = 10 * 1000 * 1000,
    TicksPerSecond = 100,
    MaxLength = 4096,
    BufferSize = 256 * 1024
};

static int writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t written = write(STDOUT_FILENO, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return 0;
        data += written;
        size -= (size_t) written;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: proclab-bench-pacer RATE LENGTH\n", stderr);
        return 2;
    }
    const long long rate = atoll(argv[1]);
    const int length = atoi(argv[2]);
    if (rate < 1 || length < 16 || length > MaxLength) {
        fputs("proclab-bench-pacer: RATE >= 1, 16 <= LENGTH <= 4096\n", stderr);
        return 2;
    }

    /* One write per burst, not per line: the pacer must cost next to nothing beside the window. */
    static char buffer[BufferSize];
    size_t used = 0;
    struct timespec due;
    clock_gettime(CLOCK_MONOTONIC, &due);
    long long written = 0;
    for (long long tick = 1;; ++tick) {
        due.tv_nsec += TickNanoseconds;
        if (due.tv_nsec >= 1000000000L) {
            due.tv_nsec -= 1000000000L;
            ++due.tv_sec;
        }
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL) == EINTR) {
        }
        const long long target = rate * tick / TicksPerSecond;
        for (; written < target; ++written) {
            if (used + (size_t) length > sizeof buffer) {
                if (!writeAll(buffer, used))
                    return 0; /* the reader went away: the normal end */
                used = 0;
            }
            /* The number first, so a reader can tell lines apart; the filler keeps the length. */
            char *line = buffer + used;
            const int printed = snprintf(line, 16, "paced %09lld", written % 1000000000LL);
            memset(line + printed, 'x', (size_t) (length - printed - 1));
            line[length - 1] = '\n';
            used += (size_t) length;
        }
        if (used > 0 && !writeAll(buffer, used))
            return 0;
        used = 0;
    }
}
