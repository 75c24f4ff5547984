# A C99 program against the installed library, found through pkg-config.
gcc -std=c99 -Wall -Wextra -Werror -pedantic -o example example.c $(pkg-config --cflags --libs zjcredit)
./example
