# A C++20 program against the installed zjcredit::io, found through pkg-config.
g++ -std=c++20 -Wall -Wextra -Werror -pedantic -o example_io example_io.cpp $(pkg-config --cflags --libs zjcredit-io)
./example_io
