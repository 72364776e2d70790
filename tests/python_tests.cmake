# The Python hook's channel (issue 12): both ends, with a real python3.
proclab_add_test(NAME tst_pythonchannel SOURCES tst_pythonchannel.cpp TIMEOUT 300)
