/* The baseline for a worker's start: the least a program can be that prints one line. */
#include <stdio.h>

int main(void)
{
    puts("Process says: x");
    return 0;
}
