# Replaying a record: RecordPlayer against a real recorded run, damaged and newer records, a record
# of a PID that lives today, and a 300 MB record indexed without being loaded (written by the test
# itself, removed after).
proclab_add_test(NAME tst_recordplayer SOURCES tst_recordplayer.cpp TIMEOUT 300)
