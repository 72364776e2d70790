<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ProcLab::AboutDialog</name>
    <message>
        <source>About ProcLab</source>
        <translation>About ProcLab</translation>
    </message>
    <message>
        <source>ProcLab %1</source>
        <translation>ProcLab %1</translation>
    </message>
    <message>
        <source>ProcLab shows what happens when a program starts processes: each worker&apos;s PID, its state and its output as they happen, and how it ends when it is terminated or killed. It turns the two examples of a Python &lt;i&gt;multiprocessing&lt;/i&gt; tutorial into lessons a class can watch, and runs programs of your own the same way.</source>
        <translation>ProcLab shows what happens when a program starts processes: each worker&apos;s PID, its state and its output as they happen, and how it ends when it is terminated or killed. It turns the two examples of a Python &lt;i&gt;multiprocessing&lt;/i&gt; tutorial into lessons a class can watch, and runs programs of your own the same way.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Free software under the MIT licence.</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Built with Qt %1, running on Qt %2</translation>
    </message>
</context>
<context>
    <name>ProcLab::AppSettings</name>
    <message>
        <source>The settings file could not be read; ProcLab started with its default settings.</source>
        <translation>The settings file could not be read; ProcLab started with its default settings.</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) could not be read and went back to the default.</source>
        <translation>
            <numerusform>%n setting could not be read and went back to its default.</numerusform>
            <numerusform>%n settings could not be read and went back to their defaults.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::CommandLine</name>
    <message>
        <source>the command ends with a lone backslash</source>
        <translation>the command ends with a lone backslash</translation>
    </message>
    <message>
        <source>a single quote (&apos;) is not closed</source>
        <translation>a single quote (&apos;) is not closed</translation>
    </message>
    <message>
        <source>a double quote (&quot;) is not closed</source>
        <translation>a double quote (&quot;) is not closed</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>the command is empty</translation>
    </message>
</context>
<context>
    <name>ProcLab::DescendantReporter</name>
    <message>
        <source>started %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ran %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) ended: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child of %1, orphaned, reparented to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child of %1, orphaned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::DescendantTracker</name>
    <message>
        <source>Following is approximate: this system does not allow tracing here (%1). The program runs as usual, but the processes it starts are not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a set-user-ID or set-capability program: while it is followed it runs without those privileges. Turn following off to run it with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 traces its own child processes, so ProcLab steps aside for them: the processes it starts are not followed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::ExitInfo</name>
    <message>
        <source>failed to start</source>
        <translation>failed to start</translation>
    </message>
    <message>
        <source>exit code %1 (%2)</source>
        <translation>exit code %1 (%2)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>exit code %1</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>signal %1</translation>
    </message>
    <message>
        <source>asked to stop; the program could have cleaned up</source>
        <translation>asked to stop; the program could have cleaned up</translation>
    </message>
    <message>
        <source>killed at once by the system; no chance to clean up</source>
        <translation>killed at once by the system; no chance to clean up</translation>
    </message>
    <message>
        <source>interrupted, as by Ctrl+C</source>
        <translation>interrupted, as by Ctrl+C</translation>
    </message>
    <message>
        <source>hang-up: its terminal or parent went away</source>
        <translation>hang-up: its terminal or parent went away</translation>
    </message>
    <message>
        <source>crashed: invalid memory access</source>
        <translation>crashed: invalid memory access</translation>
    </message>
    <message>
        <source>aborted itself, often after a failed check</source>
        <translation>aborted itself, often after a failed check</translation>
    </message>
    <message>
        <source>crashed: bad memory access (bus error)</source>
        <translation>crashed: bad memory access (bus error)</translation>
    </message>
    <message>
        <source>crashed: arithmetic error</source>
        <translation>crashed: arithmetic error</translation>
    </message>
    <message>
        <source>crashed: illegal instruction</source>
        <translation>crashed: illegal instruction</translation>
    </message>
    <message>
        <source>wrote to a pipe nobody reads any more</source>
        <translation>wrote to a pipe nobody reads any more</translation>
    </message>
    <message>
        <source>asked to quit and dump core</source>
        <translation>asked to quit and dump core</translation>
    </message>
    <message>
        <source>paused; it cannot ignore this</source>
        <translation>paused; it cannot ignore this</translation>
    </message>
    <message>
        <source>resumed after a pause</source>
        <translation>resumed after a pause</translation>
    </message>
    <message>
        <source>a signal whose meaning the program defines</source>
        <translation>a signal whose meaning the program defines</translation>
    </message>
    <message>
        <source>ended by a signal</source>
        <translation>ended by a signal</translation>
    </message>
</context>
<context>
    <name>ProcLab::FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Text in the output</source>
        <translation>Text in the output</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>Find in output</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+Enter)</source>
        <translation>Find the previous match (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Find the next match (Enter)</source>
        <translation>Find the next match (Enter)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ProcLab::HeadlessRunner</name>
    <message>
        <source>received %1: stopping 1 worker</source>
        <translation>received %1: stopping 1 worker</translation>
    </message>
    <message>
        <source>received %1: stopping %2 workers</source>
        <translation>received %1: stopping %2 workers</translation>
    </message>
    <message>
        <source>received %1 again: killing every worker now</source>
        <translation>received %1 again: killing every worker now</translation>
    </message>
    <message>
        <source>cannot write the record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received %1: stopping 1 orphan</source>
        <translation>received %1: stopping 1 orphan</translation>
    </message>
    <message>
        <source>received %1: stopping %2 orphans</source>
        <translation>received %1: stopping %2 orphans</translation>
    </message>
    <message>
        <source>waiting for 1 orphan to end (Ctrl+C stops it)</source>
        <translation>waiting for 1 orphan to end (Ctrl+C stops it)</translation>
    </message>
    <message>
        <source>waiting for %1 orphans to end (Ctrl+C stops them)</source>
        <translation>waiting for %1 orphans to end (Ctrl+C stops them)</translation>
    </message>
</context>
<context>
    <name>ProcLab::LaunchOptions</name>
    <message>
        <source>--%1: “%2” is not a whole number from %3 to %4</source>
        <translation>--%1: “%2” is not a whole number from %3 to %4</translation>
    </message>
    <message>
        <source>Watch processes live: spawn workers, see their PIDs, states and output, and stop them, gracefully or not.

Exit status: 0 when every worker ended normally or was stopped because you asked; 1 when a worker failed to start, crashed or exited non-zero on its own; 2 for a bad command line; 128+N when the monitor itself was stopped by signal N.</source>
        <translation>Watch processes live: spawn workers, see their PIDs, states and output, and stop them, gracefully or not.

Exit status: 0 when every worker ended normally or was stopped because you asked; 1 when a worker failed to start, crashed or exited non-zero on its own; 2 for a bad command line; 128+N when the monitor itself was stopped by signal N.</translation>
    </message>
    <message>
        <source>Run in this terminal without a window: worker output goes to stdout and stderr, ProcLab&apos;s own messages to stderr.</source>
        <translation>Run in this terminal without a window: worker output goes to stdout and stderr, ProcLab&apos;s own messages to stderr.</translation>
    </message>
    <message>
        <source>Lesson 1: print the main process&apos;s line, then start &lt;N&gt; (1-%1) processes that each print their own PID.</source>
        <translation>Lesson 1: print the main process&apos;s line, then start &lt;N&gt; (1-%1) processes that each print their own PID.</translation>
    </message>
    <message>
        <source>Terminate after &lt;S&gt; seconds. Without --run, lesson 2: a counting process, terminated after S seconds. With --run, the --run processes.</source>
        <translation>Terminate after &lt;S&gt; seconds. Without --run, lesson 2: a counting process, terminated after S seconds. With --run, the --run processes.</translation>
    </message>
    <message>
        <source>Run &lt;COMMAND&gt;, split into words as a shell would, but without a shell. Repeatable.</source>
        <translation>Run &lt;COMMAND&gt;, split into words as a shell would, but without a shell. Repeatable.</translation>
    </message>
    <message>
        <source>How long a terminate waits before it kills, in milliseconds (default %1).</source>
        <translation>How long a terminate waits before it kills, in milliseconds (default %1).</translation>
    </message>
    <message>
        <source>unexpected argument “%1” (commands go after --run)</source>
        <translation>unexpected argument “%1” (commands go after --run)</translation>
    </message>
    <message>
        <source>--lang: “%1” is not a language ProcLab knows: use ko or en</source>
        <translation>--lang: “%1” is not a language ProcLab knows: use ko or en</translation>
    </message>
    <message>
        <source>--run “%1”: %2</source>
        <translation>--run “%1”: %2</translation>
    </message>
    <message>
        <source>--run: the program name contains a control character</source>
        <translation>--run: the program name contains a control character</translation>
    </message>
    <message>
        <source>--run: the program name is not valid UTF-8 text</source>
        <translation>--run: the program name is not valid UTF-8 text</translation>
    </message>
    <message>
        <source>nothing to run: give --spawn, --countdown or --run (see --help)</source>
        <translation>nothing to run: give --spawn, --countdown or --run (see --help)</translation>
    </message>
    <message>
        <source>Language of the window and of the lessons&apos; texts: ko or en (default: the system&apos;s).</source>
        <translation>Language of the window and of the lessons&apos; texts: ko or en (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>--run: the program name is %1 characters long, longer than any path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--run “%1”: word %2 is not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not follow the processes that --run commands create: without it, every child, grandchild and orphan of theirs is seen start, exec and end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start each output line with the PID ([4251] ) or the name ([python3] ) of the worker that printed it, or with nothing (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every process event and output line of the run to &lt;FILE&gt;, as JSON Lines (docs/record-format.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prefix: “%1” is not one of pid, name or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--record: the file name is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::LowerPane</name>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>What the workers print, as it arrives</source>
        <translation>What the workers print, as it arrives</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>When each process started and ended, its output and the signals it got, on one time axis</source>
        <translation>When each process started and ended, its output and the signals it got, on one time axis</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>The process tree: the main process, its workers and the processes they started, with PID, PPID, CPU and memory</source>
        <translation>The process tree: the main process, its workers and the processes they started, with PID, PPID, CPU and memory</translation>
    </message>
</context>
<context>
    <name>ProcLab::Main</name>
    <message>
        <source>proclab: %1 (see proclab --help)</source>
        <translation>proclab: %1 (see proclab --help)</translation>
    </message>
</context>
<context>
    <name>ProcLab::MainWindow</name>
    <message>
        <source>proclab-worker not found: no lessons (set PROCLAB_WORKER)</source>
        <translation>proclab-worker not found: no lessons (set PROCLAB_WORKER)</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n worker(s)…</source>
        <translation>
            <numerusform>Stopping %n worker…</numerusform>
            <numerusform>Stopping %n workers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Killing %n worker(s)…</source>
        <translation>
            <numerusform>Killing %n worker…</numerusform>
            <numerusform>Killing %n workers…</numerusform>
        </translation>
    </message>
    <message>
        <source>ProcLab</source>
        <translation>ProcLab</translation>
    </message>
    <message>
        <source>Cannot write the record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the record to “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ProcLab records (*.proclab-record);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n orphan(s)…</source>
        <translation>
            <numerusform>Stopping %n orphan…</numerusform>
            <numerusform>Stopping %n orphans…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Killing %n orphan(s)…</source>
        <translation>
            <numerusform>Killing %n orphan…</numerusform>
            <numerusform>Killing %n orphans…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::OutputRenderer</name>
    <message numerus="yes">
        <source>  … %Ln more characters; the line goes on in the next row</source>
        <translation>
            <numerusform>  … %Ln more character; the line goes on in the next row</numerusform>
            <numerusform>  … %Ln more characters; the line goes on in the next row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … %Ln more characters (Copy and Save have them all)</source>
        <translation>
            <numerusform>  … %Ln more character (Copy and Save have it)</numerusform>
            <numerusform>  … %Ln more characters (Copy and Save have them all)</numerusform>
        </translation>
    </message>
    <message>
        <source>  (the line goes on in the next row)</source>
        <translation>  (the line goes on in the next row)</translation>
    </message>
</context>
<context>
    <name>ProcLab::OutputView</name>
    <message>
        <source>Output of the workers</source>
        <translation>Output of the workers</translation>
    </message>
    <message>
        <source>The log keeps the newest lines only; the rows above the first one were dropped to keep memory bounded.</source>
        <translation>The log keeps the newest lines only; the rows above the first one were dropped to keep memory bounded.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Select &amp;All</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;Save Output As…</source>
        <translation>&amp;Save Output As…</translation>
    </message>
    <message>
        <source>F&amp;ollow New Output</source>
        <translation>F&amp;ollow New Output</translation>
    </message>
    <message>
        <source>Show &amp;Timestamps</source>
        <translation>Show &amp;Timestamps</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message numerus="yes">
        <source>%Ln older line(s) dropped (scrollback limit)</source>
        <translation>
            <numerusform>%Ln older line dropped (scrollback limit)</numerusform>
            <numerusform>%Ln older lines dropped (scrollback limit)</numerusform>
        </translation>
    </message>
    <message>
        <source>No output yet.</source>
        <translation>No output yet.</translation>
    </message>
    <message>
        <source>No output from the selected workers yet.</source>
        <translation>No output from the selected workers yet.</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>Save Output</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Could not save the output to “%1”: %2</source>
        <translation>Could not save the output to “%1”: %2</translation>
    </message>
    <message>
        <source>No output from the selected processes yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>&amp;Grace period:</translation>
    </message>
    <message>
        <source>How long Terminate waits after SIGTERM before it kills with SIGKILL</source>
        <translation>How long Terminate waits after SIGTERM before it kills with SIGKILL</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Countdown:</source>
        <translation>&amp;Countdown:</translation>
    </message>
    <message>
        <source>Seconds before lesson 2 terminates its counting process; also used by “Terminate in N s”</source>
        <translation>Seconds before lesson 2 terminates its counting process; also used by “Terminate in N s”</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Scrollback:</source>
        <translation>&amp;Scrollback:</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> lines</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <source>The size of the table&apos;s and the output&apos;s text</source>
        <translation>The size of the table&apos;s and the output&apos;s text</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The language of the window and of the lessons&apos; texts</source>
        <translation>The language of the window and of the lessons&apos; texts</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>&amp;Run commands line-buffered by default</source>
        <translation>&amp;Run commands line-buffered by default</translation>
    </message>
    <message>
        <source>Whether Run command… asks programs to write each line as soon as they print it</source>
        <translation>Whether Run command… asks programs to write each line as soon as they print it</translation>
    </message>
    <message>
        <source>How many lines of output are kept; older lines are dropped, from the output and from each worker&apos;s own history</source>
        <translation>How many lines of output are kept; older lines are dropped, from the output and from each worker&apos;s own history</translation>
    </message>
    <message>
        <source>&amp;Keep a record of each session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything a window runs is recorded as it happens; the last %1 records are kept, the oldest dropped first. A change applies from the next window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records are kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open the folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::ProcessTreeModel</name>
    <message>
        <source>ProcLab itself: it starts the workers, as the tutorial&apos;s main program starts its processes. Every worker&apos;s parent (PPID) is this process.</source>
        <translation>ProcLab itself: it starts the workers, as the tutorial&apos;s main program starts its processes. Every worker&apos;s parent (PPID) is this process.</translation>
    </message>
    <message>
        <source>Its parent ended before it did, so the system gave it another parent (PID %1). It is still in the worker&apos;s process group: Terminate stops it too.</source>
        <translation>Its parent ended before it did, so the system gave it another parent (PID %1). It is still in the worker&apos;s process group: Terminate stops it too.</translation>
    </message>
    <message>
        <source>Started by PID %1</source>
        <translation>Started by PID %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>sleeping</translation>
    </message>
    <message>
        <source>waiting for the disk</source>
        <translation>waiting for the disk</translation>
    </message>
    <message>
        <source>stopped (paused)</source>
        <translation>stopped (paused)</translation>
    </message>
    <message>
        <source>stopped by a debugger</source>
        <translation>stopped by a debugger</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>zombie</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>dead</translation>
    </message>
    <message>
        <source>main process (ProcLab itself)</source>
        <translation>main process (ProcLab itself)</translation>
    </message>
    <message>
        <source>%1 · orphan (re-parented)</source>
        <translation>%1 · orphan (re-parented)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Process ID: the number the system gave the process</source>
        <translation>Process ID: the number the system gave the process</translation>
    </message>
    <message>
        <source>Parent process ID: the process that started it (os.getppid() in Python)</source>
        <translation>Parent process ID: the process that started it (os.getppid() in Python)</translation>
    </message>
    <message>
        <source>What the process is doing, as the system says it</source>
        <translation>What the process is doing, as the system says it</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message numerus="yes">
        <source>%1 % itself, %2 % with the %n process(es) below it</source>
        <translation>
            <numerusform>%1 % itself, %2 % with the %n process below it</numerusform>
            <numerusform>%1 % itself, %2 % with the %n processes below it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 itself, %2 with the %n process(es) below it</source>
        <translation>
            <numerusform>%1 itself, %2 with the %n process below it</numerusform>
            <numerusform>%1 itself, %2 with the %n processes below it</numerusform>
        </translation>
    </message>
    <message>
        <source>Processor use of this process and every process below it, in % of one core: for a worker, the figure of the worker table. Hover over a cell for the process alone</source>
        <translation>Processor use of this process and every process below it, in % of one core: for a worker, the figure of the worker table. Hover over a cell for the process alone</translation>
    </message>
    <message>
        <source>Resident memory (RSS) of this process and every process below it, added up: for a worker, the figure of the worker table. Hover over a cell for the process alone</source>
        <translation>Resident memory (RSS) of this process and every process below it, added up: for a worker, the figure of the worker table. Hover over a cell for the process alone</translation>
    </message>
    <message>
        <source>It has ended, but its parent (PID %1) has not collected its exit status yet (wait() in C, join() in Python): until it does, the system keeps it as a zombie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An orphan: its parent (PID %1) ended before it did, so the system gave it another parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code (as Python&apos;s exitcode): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) of this worker not listed, to keep the tree small: those that ended earliest, and any beyond the first %1 that have not ended.</source>
        <translation>
            <numerusform>%n process of this worker not listed, to keep the tree small: one that ended early, or one beyond the first %1 that have not ended.</numerusform>
            <numerusform>%n processes of this worker not listed, to keep the tree small: those that ended earliest, and any beyond the first %1 that have not ended.</numerusform>
        </translation>
    </message>
    <message>
        <source>ended · exit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished">ended</translation>
    </message>
</context>
<context>
    <name>ProcLab::ProcessView</name>
    <message>
        <source>No worker is running. Running workers appear here under the main process, and the processes they start appear under them. Try Run command… with: proclab-worker spawn-children 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected workers are no longer in the table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::ProgramLocator</name>
    <message>
        <source>“%1”: no such file</source>
        <translation>“%1”: no such file</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a program</source>
        <translation>“%1” is a folder, not a program</translation>
    </message>
    <message>
        <source>“%1” is not executable (no execute permission)</source>
        <translation>“%1” is not executable (no execute permission)</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>the command is empty</translation>
    </message>
    <message>
        <source>the program name contains a control character</source>
        <translation>the program name contains a control character</translation>
    </message>
    <message>
        <source>“%1”: no such program in PATH</source>
        <translation>“%1”: no such program in PATH</translation>
    </message>
</context>
<context>
    <name>ProcLab::PythonCall</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned: %1 ended, exitcode %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::PythonPanel</name>
    <message>
        <source>Copy script</source>
        <translation>Copy script</translation>
    </message>
    <message>
        <source>Save script…</source>
        <translation>Save script…</translation>
    </message>
    <message>
        <source>Copy the whole session as a Python program that does it again</source>
        <translation>Copy the whole session as a Python program that does it again</translation>
    </message>
    <message>
        <source>Save the whole session as a Python program (run it with python3)</source>
        <translation>Save the whole session as a Python program (run it with python3)</translation>
    </message>
    <message>
        <source>Save the session as a Python script</source>
        <translation>Save the session as a Python script</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python scripts (*.py);;All files (*)</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>Save script</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Python program&lt;/b&gt;: no source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the program&apos;s own source, as it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Each line that made a multiprocessing call is annotated with what it did: the PIDs it started, the signals it sent, the exit codes it read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the program&apos;s source with the annotations as comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program&apos;s source is a file of its own (%1); Save script saves the session&apos;s script, shown when no Python program is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The same in Python&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The same in Python&lt;/b&gt; (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action on the workers as the tutorial&apos;s Python would write it, with the real PIDs and exit codes as comments. Select a Python program to see its own source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::PythonSource</name>
    <message>
        <source>This Python program runs no file of its own (python3 -c or -m): there is no source to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found, so its source cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file, so its source is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to show (more than %2 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 … and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exitcode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out, still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished">running</translation>
    </message>
    <message>
        <source>SIGTERM to its workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::RecordKeeper</name>
    <message>
        <source>cannot create %1: this session is not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session is not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a record in %1: this session is not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording is off, so there is no record to save: turn on “Keep a record of each session” in Preferences, and the next window&apos;s session is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::RecordReader</name>
    <message>
        <source>line %1 is not a record (%2): the rest of the file was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record ends in the middle of line %1: it was cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a ProcLab record: its first line is not a record header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record header has no valid version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this record was written by a newer ProcLab (format %1; this version reads format %2): what it does not know is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is not a record: it has no &quot;kind&quot; or no &quot;t&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::RecordWriter</name>
    <message>
        <source>the record reached its size limit of %1 MB; what came before is kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::RunCommandDialog</name>
    <message>
        <source>Run Command</source>
        <translation>Run Command</translation>
    </message>
    <message>
        <source>for example: python3 count.py</source>
        <translation>for example: python3 count.py</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Line-buffer output</source>
        <translation>Line-buffer output</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Command:</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>&amp;Working folder:</translation>
    </message>
    <message>
        <source>Type the command to run.</source>
        <translation>Type the command to run.</translation>
    </message>
    <message>
        <source>The working folder “%1” is not a folder.</source>
        <translation>The working folder “%1” is not a folder.</translation>
    </message>
    <message>
        <source>The working folder “%1” does not exist.</source>
        <translation>The working folder “%1” does not exist.</translation>
    </message>
    <message>
        <source>Runs %1</source>
        <translation>Runs %1</translation>
    </message>
    <message>
        <source>Working Folder</source>
        <translation>Working Folder</translation>
    </message>
    <message>
        <source>Asks the program to write each line as soon as it prints it (Python: line-buffered stdout and stderr; C programs: stdbuf), so that output arrives live instead of in blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the processes it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every process the command starts, at any depth, with its PID, what it runs, and when and how it ends, however briefly it lives. Turn it off for programs that need their set-user-ID privileges (sudo, ping) or trace processes themselves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::Session</name>
    <message>
        <source>not starting a lesson: every worker is being stopped</source>
        <translation>not starting a lesson: every worker is being stopped</translation>
    </message>
    <message>
        <source>cannot run the lessons: the helper program proclab-worker was not found beside proclab (set PROCLAB_WORKER to its path)</source>
        <translation>cannot run the lessons: the helper program proclab-worker was not found beside proclab (set PROCLAB_WORKER to its path)</translation>
    </message>
    <message>
        <source>not starting “%1”: every worker is being stopped</source>
        <translation>not starting “%1”: every worker is being stopped</translation>
    </message>
    <message>
        <source>not starting the command line&apos;s work: every worker is being stopped</source>
        <translation>not starting the command line&apos;s work: every worker is being stopped</translation>
    </message>
    <message>
        <source>not signalling %1: its worker is no longer in the table</source>
        <translation>not signalling %1: its worker is no longer in the table</translation>
    </message>
    <message>
        <source>not sending %1 to %2: %3</source>
        <translation>not sending %1 to %2: %3</translation>
    </message>
</context>
<context>
    <name>ProcLab::StatusSummary</name>
    <message numerus="yes">
        <source>%1 running · %2 paused · %n worker(s)</source>
        <translation>
            <numerusform>%1 running · %2 paused · %n worker</numerusform>
            <numerusform>%1 running · %2 paused · %n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting</source>
        <translation>
            <numerusform> · %n waiting</numerusform>
            <numerusform> · %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Workers running now · paused · workers in the table</source>
        <translation>Workers running now · paused · workers in the table</translation>
    </message>
    <message>
        <source>CPU and memory unavailable</source>
        <translation>CPU and memory unavailable</translation>
    </message>
    <message>
        <source>The process table (/proc) cannot be read: CPU, memory and the process tree are not measured</source>
        <translation>The process table (/proc) cannot be read: CPU, memory and the process tree are not measured</translation>
    </message>
    <message>
        <source>Main process %1</source>
        <translation>Main process %1</translation>
    </message>
    <message>
        <source>The PID of ProcLab itself: the main program of the lessons</source>
        <translation>The PID of ProcLab itself: the main program of the lessons</translation>
    </message>
</context>
<context>
    <name>ProcLab::TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Each worker gets a lane here: a bar from its start to its end, a tick for every line it prints, and a mark for every signal it gets.</source>
        <translation>Each worker gets a lane here: a bar from its start to its end, a tick for every line it prints, and a mark for every signal it gets.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>main process</source>
        <translation>main process</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 · PID %2</source>
        <translation>%1 · PID %2</translation>
    </message>
    <message>
        <source>started at %1, ended at %2: ran %3 s</source>
        <translation>started at %1, ended at %2: ran %3 s</translation>
    </message>
    <message>
        <source>started at %1, running for %2 s</source>
        <translation>started at %1, running for %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of output</source>
        <translation>
            <numerusform>%n line of output</numerusform>
            <numerusform>%n lines of output</numerusform>
        </translation>
    </message>
    <message>
        <source>main process · PID %1
ProcLab itself: it starts the workers, as the tutorial&apos;s main program starts its processes</source>
        <translation>main process · PID %1
ProcLab itself: it starts the workers, as the tutorial&apos;s main program starts its processes</translation>
    </message>
    <message>
        <source>Show a longer time (Ctrl+wheel down)</source>
        <translation>Show a longer time (Ctrl+wheel down)</translation>
    </message>
    <message>
        <source>Show a shorter time in more detail (Ctrl+wheel up)</source>
        <translation>Show a shorter time in more detail (Ctrl+wheel up)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the selected processes from start to end, or everything from the start of the main process to now</source>
        <translation>Show the selected processes from start to end, or everything from the start of the main process to now</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>zombie</translation>
    </message>
    <message>
        <source>%1 processes in all, %2 running; the lanes show the %3 most recent</source>
        <translation>%1 processes in all, %2 running; the lanes show the %3 most recent</translation>
    </message>
    <message>
        <source>orphan → %1</source>
        <translation>orphan → %1</translation>
    </message>
    <message>
        <source>orphan</source>
        <translation>orphan</translation>
    </message>
    <message>
        <source>PID %1 · %2</source>
        <translation>PID %1 · %2</translation>
    </message>
    <message>
        <source>%1 · PID %2 (child of %3)</source>
        <translation>%1 · PID %2 (child of %3)</translation>
    </message>
    <message>
        <source>started at %1, ended at %2: ran %3 ms</source>
        <translation>started at %1, ended at %2: ran %3 ms</translation>
    </message>
    <message>
        <source>started at %1, running</source>
        <translation>started at %1, running</translation>
    </message>
    <message>
        <source>ended; how is not known</source>
        <translation>ended; how is not known</translation>
    </message>
    <message>
        <source>a zombie: ended, not yet reaped by its parent</source>
        <translation>a zombie: ended, not yet reaped by its parent</translation>
    </message>
    <message>
        <source>a zombie until %1, when its parent reaped it</source>
        <translation>a zombie until %1, when its parent reaped it</translation>
    </message>
    <message>
        <source>an orphan: its parent ended first; adopted by PID %1</source>
        <translation>an orphan: its parent ended first; adopted by PID %1</translation>
    </message>
    <message>
        <source>an orphan: its parent ended first</source>
        <translation>an orphan: its parent ended first</translation>
    </message>
    <message numerus="yes">
        <source>%n exec(s)</source>
        <translation>
            <numerusform>%n exec</numerusform>
            <numerusform>%n execs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s) received</source>
        <translation>
            <numerusform>%n signal received</numerusform>
            <numerusform>%n signals received</numerusform>
        </translation>
    </message>
    <message>
        <source>not followed exactly: seen from /proc</source>
        <translation>not followed exactly: seen from /proc</translation>
    </message>
    <message>
        <source>%1: exec %2</source>
        <translation>%1: exec %2</translation>
    </message>
    <message>
        <source>%1: received %2</source>
        <translation>%1: received %2</translation>
    </message>
</context>
<context>
    <name>ProcLab::TutorialDialog</name>
    <message>
        <source>The Tutorial</source>
        <translation>The Tutorial</translation>
    </message>
    <message>
        <source>1. Starting processes</source>
        <translation>1. Starting processes</translation>
    </message>
    <message>
        <source>2. terminate()</source>
        <translation>2. terminate()</translation>
    </message>
    <message>
        <source>&lt;p&gt;A running program is a &lt;b&gt;process&lt;/b&gt;, and the operating system gives each one a number of its own, its &lt;b&gt;PID&lt;/b&gt;. In this example the main program first says its own PID, then &lt;code&gt;multiprocessing.Process&lt;/code&gt; starts four new processes, the sub programs, and each says its PID in turn.&lt;/p&gt;&lt;p&gt;Every PID is different: these are four separate processes, not four calls of one function. They also need not finish in the order they were started; the operating system decides who runs when.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A running program is a &lt;b&gt;process&lt;/b&gt;, and the operating system gives each one a number of its own, its &lt;b&gt;PID&lt;/b&gt;. In this example the main program first says its own PID, then &lt;code&gt;multiprocessing.Process&lt;/code&gt; starts four new processes, the sub programs, and each says its PID in turn.&lt;/p&gt;&lt;p&gt;Every PID is different: these are four separate processes, not four calls of one function. They also need not finish in the order they were started; the operating system decides who runs when.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A process does not have to run to its end. Here the sub program counts, one number a second, up to 100000; the main program waits five seconds and then calls &lt;code&gt;terminate()&lt;/code&gt;, which sends the process the signal &lt;b&gt;SIGTERM&lt;/b&gt;. The count stops at about five.&lt;/p&gt;&lt;p&gt;In ProcLab the worker is marked &lt;i&gt;terminated&lt;/i&gt; and its exit code is -15, as Python&apos;s &lt;code&gt;Process.exitcode&lt;/code&gt; says it: minus the number of the signal. A program that ignores SIGTERM is killed with SIGKILL after the grace period.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A process does not have to run to its end. Here the sub program counts, one number a second, up to 100000; the main program waits five seconds and then calls &lt;code&gt;terminate()&lt;/code&gt;, which sends the process the signal &lt;b&gt;SIGTERM&lt;/b&gt;. The count stops at about five.&lt;/p&gt;&lt;p&gt;In ProcLab the worker is marked &lt;i&gt;terminated&lt;/i&gt; and its exit code is -15, as Python&apos;s &lt;code&gt;Process.exitcode&lt;/code&gt; says it: minus the number of the signal. A program that ignores SIGTERM is killed with SIGKILL after the grace period.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The Python program:</source>
        <translation>The Python program:</translation>
    </message>
    <message>
        <source>What it printed:</source>
        <translation>What it printed:</translation>
    </message>
    <message>
        <source>Run this lesson in the window</source>
        <translation>Run this lesson in the window</translation>
    </message>
    <message>
        <source>Count, then terminate in %1 s</source>
        <translation>Count, then terminate in %1 s</translation>
    </message>
    <message numerus="yes">
        <source>Spawn %n workers</source>
        <translation>
            <numerusform>Spawn %n worker</numerusform>
            <numerusform>Spawn %n workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::Worker</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>the command is empty</translation>
    </message>
    <message>
        <source>the working folder “%1” does not exist</source>
        <translation>the working folder “%1” does not exist</translation>
    </message>
    <message>
        <source>started %1: %2</source>
        <translation>started %1: %2</translation>
    </message>
    <message>
        <source>too many open files: the monitor has reached its limit of open files</source>
        <translation>too many open files: the monitor has reached its limit of open files</translation>
    </message>
    <message>
        <source>cannot start “%1”: %2</source>
        <translation>cannot start “%1”: %2</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>failed to start: %1</translation>
    </message>
    <message>
        <source>terminated %1 after %2: %3</source>
        <translation>terminated %1 after %2: %3</translation>
    </message>
    <message>
        <source>killed %1 after %2 grace: %3</source>
        <translation>killed %1 after %2 grace: %3</translation>
    </message>
    <message>
        <source>killed %1 after %2: %3</source>
        <translation>killed %1 after %2: %3</translation>
    </message>
    <message>
        <source>%1 ended by a signal: %2</source>
        <translation>%1 ended by a signal: %2</translation>
    </message>
    <message>
        <source>%1 crashed: %2</source>
        <translation>%1 crashed: %2</translation>
    </message>
    <message>
        <source>%1 exited after %2: %3</source>
        <translation>%1 exited after %2: %3</translation>
    </message>
    <message>
        <source>%1 left processes behind in its group: terminating them</source>
        <translation>%1 left processes behind in its group: terminating them</translation>
    </message>
    <message>
        <source>terminating %1 (SIGTERM)…</source>
        <translation>terminating %1 (SIGTERM)…</translation>
    </message>
    <message>
        <source>%1 still running after %2 grace: killing (SIGKILL)</source>
        <translation>%1 still running after %2 grace: killing (SIGKILL)</translation>
    </message>
    <message>
        <source>killing %1 (SIGKILL)</source>
        <translation>killing %1 (SIGKILL)</translation>
    </message>
    <message>
        <source>pausing %1 (SIGSTOP)</source>
        <translation>pausing %1 (SIGSTOP)</translation>
    </message>
    <message>
        <source>resuming %1 (SIGCONT)</source>
        <translation>resuming %1 (SIGCONT)</translation>
    </message>
    <message>
        <source>sending %1 to %2</source>
        <translation>sending %1 to %2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>stopping</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>crashed</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>failed to start</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>terminated</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>killed</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) that %1 started still run as orphans: kept until they end or are stopped</source>
        <translation>
            <numerusform>%n process that %1 started still runs as an orphan: kept until it ends or is stopped</numerusform>
            <numerusform>%n processes that %1 started still run as orphans: kept until they end or are stopped</numerusform>
        </translation>
    </message>
    <message>
        <source>terminating the orphans of %1 (SIGTERM)…</source>
        <translation>terminating the orphans of %1 (SIGTERM)…</translation>
    </message>
    <message>
        <source>orphans of %1 still running after %2 grace: killing (SIGKILL)</source>
        <translation>orphans of %1 still running after %2 grace: killing (SIGKILL)</translation>
    </message>
    <message>
        <source>killing the orphans of %1 (SIGKILL)</source>
        <translation>killing the orphans of %1 (SIGKILL)</translation>
    </message>
    <message>
        <source>sending %1 to the orphans of %2</source>
        <translation>sending %1 to the orphans of %2</translation>
    </message>
    <message>
        <source>%1 has ended</source>
        <translation>%1 has ended</translation>
    </message>
    <message>
        <source>%1 is not “%2” (%3), and ProcLab does not follow the processes it starts: only the program itself can be signalled alone</source>
        <translation>%1 is not “%2” (%3), and ProcLab does not follow the processes it starts: only the program itself can be signalled alone</translation>
    </message>
    <message>
        <source>%1 is not a running process of “%2” (%3)</source>
        <translation>%1 is not a running process of “%2” (%3)</translation>
    </message>
    <message>
        <source>%1 is no longer a process of “%2”: not signalled</source>
        <translation>%1 is no longer a process of “%2”: not signalled</translation>
    </message>
    <message>
        <source>cannot signal %1: %2</source>
        <translation>cannot signal %1: %2</translation>
    </message>
    <message>
        <source>terminating %1 alone (SIGTERM to that process)</source>
        <translation>terminating %1 alone (SIGTERM to that process)</translation>
    </message>
    <message>
        <source>sending %1 to %2 alone</source>
        <translation>sending %1 to %2 alone</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n orphan(s) running</source>
        <translation>
            <numerusform>%1 · %n orphan running</numerusform>
            <numerusform>%1 · %n orphans running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerActions</name>
    <message>
        <source>&amp;Spawn 4 Workers</source>
        <translation>&amp;Spawn 4 Workers</translation>
    </message>
    <message>
        <source>Spawn 4 workers</source>
        <translation>Spawn 4 workers</translation>
    </message>
    <message>
        <source>Lesson 1: start four processes that each say their own PID</source>
        <translation>Lesson 1: start four processes that each say their own PID</translation>
    </message>
    <message>
        <source>Count, then terminate in</source>
        <translation>Count, then terminate in</translation>
    </message>
    <message>
        <source>&amp;Run Command…</source>
        <translation>&amp;Run Command…</translation>
    </message>
    <message>
        <source>Run command…</source>
        <translation>Run command…</translation>
    </message>
    <message>
        <source>Start a program of your own as a worker</source>
        <translation>Start a program of your own as a worker</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Kill</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Kill</translation>
    </message>
    <message>
        <source>Stop the selected workers at once (SIGKILL)</source>
        <translation>Stop the selected workers at once (SIGKILL)</translation>
    </message>
    <message>
        <source>&amp;Clear Finished</source>
        <translation>&amp;Clear Finished</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Clear finished</translation>
    </message>
    <message>
        <source>Remove the workers that have ended from the table</source>
        <translation>Remove the workers that have ended from the table</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Stop every worker and close ProcLab</source>
        <translation>Stop every worker and close ProcLab</translation>
    </message>
    <message>
        <source>&amp;Follow Output</source>
        <translation>&amp;Follow Output</translation>
    </message>
    <message>
        <source>Keep the newest output in view</source>
        <translation>Keep the newest output in view</translation>
    </message>
    <message>
        <source>Show &amp;Timestamps</source>
        <translation>Show &amp;Timestamps</translation>
    </message>
    <message>
        <source>Show when each line of output arrived</source>
        <translation>Show when each line of output arrived</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>Search the output</source>
        <translation>Search the output</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy the selected output, or the selected rows of the table</source>
        <translation>Copy the selected output, or the selected rows of the table</translation>
    </message>
    <message>
        <source>&amp;Save Output As…</source>
        <translation>&amp;Save Output As…</translation>
    </message>
    <message>
        <source>Save the output shown to a text file</source>
        <translation>Save the output shown to a text file</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>&amp;Larger Text</translation>
    </message>
    <message>
        <source>Larger text in the table and the output</source>
        <translation>Larger text in the table and the output</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>&amp;Smaller Text</translation>
    </message>
    <message>
        <source>Smaller text in the table and the output</source>
        <translation>Smaller text in the table and the output</translation>
    </message>
    <message>
        <source>&amp;About ProcLab</source>
        <translation>&amp;About ProcLab</translation>
    </message>
    <message>
        <source>What ProcLab is and which version this is</source>
        <translation>What ProcLab is and which version this is</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>The version of Qt that ProcLab runs on</source>
        <translation>The version of Qt that ProcLab runs on</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds before the counting process is terminated; also used by “Terminate in N s”</source>
        <translation>Seconds before the counting process is terminated; also used by “Terminate in N s”</translation>
    </message>
    <message>
        <source>C&amp;ount, Then Terminate in %1 s</source>
        <translation>C&amp;ount, Then Terminate in %1 s</translation>
    </message>
    <message>
        <source>Lesson 2: start a process that counts, and terminate it after %1 s</source>
        <translation>Lesson 2: start a process that counts, and terminate it after %1 s</translation>
    </message>
    <message>
        <source>Terminate &amp;in %1 s</source>
        <translation>Terminate &amp;in %1 s</translation>
    </message>
    <message>
        <source>Terminate in %1 s</source>
        <translation>Terminate in %1 s</translation>
    </message>
    <message>
        <source>Terminate the selected workers in %1 s (the seconds beside the counting lesson)</source>
        <translation>Terminate the selected workers in %1 s (the seconds beside the counting lesson)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Selected Workers</source>
        <translation>Selected Workers</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Grace period, countdown, scrollback, text size and language</source>
        <translation>Grace period, countdown, scrollback, text size and language</translation>
    </message>
    <message>
        <source>The &amp;Tutorial</source>
        <translation>The &amp;Tutorial</translation>
    </message>
    <message>
        <source>The two Python examples ProcLab&apos;s lessons come from, explained</source>
        <translation>The two Python examples ProcLab&apos;s lessons come from, explained</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;System Language</translation>
    </message>
    <message>
        <source>Follow the language of the desktop</source>
        <translation>Follow the language of the desktop</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the selected workers and everything they started (SIGSTOP): they stay in memory but get no processor time</source>
        <translation>Freeze the selected workers and everything they started (SIGSTOP): they stay in memory but get no processor time</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Res&amp;ume</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Let the paused workers run on from where they stopped (SIGCONT)</source>
        <translation>Let the paused workers run on from where they stopped (SIGCONT)</translation>
    </message>
    <message>
        <source>&amp;Python Panel</source>
        <translation>&amp;Python Panel</translation>
    </message>
    <message>
        <source>Show the same session as the tutorial&apos;s Python: each start, signal and exit code as a line of multiprocessing code</source>
        <translation>Show the same session as the tutorial&apos;s Python: each start, signal and exit code as a line of multiprocessing code</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Save &amp;Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything this session ran, every process and every line, as a ProcLab record (JSON Lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Whole Tree</source>
        <translation>&amp;Stop Whole Tree</translation>
    </message>
    <message>
        <source>Stop whole tree</source>
        <translation>Stop whole tree</translation>
    </message>
    <message>
        <source>Stop the selected workers and every process they started: SIGTERM to the whole process group, then SIGKILL to whatever still runs after the grace period</source>
        <translation>Stop the selected workers and every process they started: SIGTERM to the whole process group, then SIGKILL to whatever still runs after the grace period</translation>
    </message>
    <message>
        <source>Terminate This &amp;Process</source>
        <translation>Terminate This &amp;Process</translation>
    </message>
    <message>
        <source>Terminate process</source>
        <translation>Terminate process</translation>
    </message>
    <message>
        <source>Send SIGTERM to the selected process alone, like Python&apos;s Process.terminate(): the processes it started live on, as orphans</source>
        <translation>Send SIGTERM to the selected process alone, like Python&apos;s Process.terminate(): the processes it started live on, as orphans</translation>
    </message>
    <message>
        <source>Send Signal to This &amp;Process</source>
        <translation>Send Signal to This &amp;Process</translation>
    </message>
    <message>
        <source>Send Signal to Whole &amp;Tree</source>
        <translation>Send Signal to Whole &amp;Tree</translation>
    </message>
    <message>
        <source>Send %1 to the whole tree of the selected workers (their process groups): %2</source>
        <translation>Send %1 to the whole tree of the selected workers (their process groups): %2</translation>
    </message>
    <message>
        <source>Send %1 to the selected process alone, not to the processes it started: %2</source>
        <translation>Send %1 to the selected process alone, not to the processes it started: %2</translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerPool</name>
    <message>
        <source>not starting “%1”: %2 workers are running, the most this monitor allows at once (limited by its %3 open files)</source>
        <translation>not starting “%1”: %2 workers are running, the most this monitor allows at once (limited by its %3 open files)</translation>
    </message>
    <message numerus="yes">
        <source>%n more worker(s) wait to start: %1 are running, the most this monitor allows at once (limited by its %2 open files)</source>
        <translation>
            <numerusform>%n more worker waits to start: %1 are running, the most this monitor allows at once (limited by its %2 open files)</numerusform>
            <numerusform>%n more workers wait to start: %1 are running, the most this monitor allows at once (limited by its %2 open files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerTableModel</name>
    <message>
        <source>%1 · terminating in %2 s</source>
        <translation>%1 · terminating in %2 s</translation>
    </message>
    <message>
        <source>Failed to start: %1</source>
        <translation>Failed to start: %1</translation>
    </message>
    <message>
        <source>Lines written to standard output</source>
        <translation>Lines written to standard output</translation>
    </message>
    <message>
        <source>Lines written to standard error</source>
        <translation>Lines written to standard error</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
    <message>
        <source>Last output</source>
        <translation>Last output</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 G</source>
        <translation>%1 G</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Processor use of the worker and every process it started, in % of one core, with its last half minute drawn behind</source>
        <translation>Processor use of the worker and every process it started, in % of one core, with its last half minute drawn behind</translation>
    </message>
    <message>
        <source>How the process ended, as Python&apos;s Process.exitcode says it: the exit status, or minus the number of the signal that ended it. Hover over a cell for the shell&apos;s reading and what the signal means</source>
        <translation>How the process ended, as Python&apos;s Process.exitcode says it: the exit status, or minus the number of the signal that ended it. Hover over a cell for the shell&apos;s reading and what the signal means</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>failed to start: %1</translation>
    </message>
    <message>
        <source>killed by %1: %2</source>
        <translation>killed by %1: %2</translation>
    </message>
    <message>
        <source> (it was still running when the grace period after SIGTERM ran out)</source>
        <translation> (it was still running when the grace period after SIGTERM ran out)</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>exited with status %1</translation>
    </message>
    <message>
        <source>, after it was asked to stop</source>
        <translation>, after it was asked to stop</translation>
    </message>
    <message>
        <source>Python: %1 · shell: %2 · %3</source>
        <translation>Python: %1 · shell: %2 · %3</translation>
    </message>
    <message>
        <source>failed (exit %1)</source>
        <translation>failed (exit %1)</translation>
    </message>
    <message>
        <source>Resident memory (RSS) of the worker and every process it started, added up: the figure of the worker&apos;s row in the Processes tab, which lists each process</source>
        <translation>Resident memory (RSS) of the worker and every process it started, added up: the figure of the worker&apos;s row in the Processes tab, which lists each process</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation type="unfinished">zombie</translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished">ended</translation>
    </message>
    <message>
        <source>%1 · orphan → PPID %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · orphan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID %1, started by PID %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan: the process that started it ended first, and the system made PID %1 its parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan: the process that started it ended first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zombie: it has ended, but its parent has not yet collected its exit status (wait()), so the system still lists it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not followed exactly: its end and its own children may be missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended long ago: shown for the processes it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message>
        <source>Processes started here that have no row of their own: under each process, the table shows at most %1 running processes and the %2 that ended last. The Processes tab lists the running ones.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerTableView</name>
    <message>
        <source>No workers yet.
Start a lesson with “Spawn 4 workers” or “Count, then terminate”, or run a command of your own.</source>
        <translation>No workers yet.
Start a lesson with “Spawn 4 workers” or “Count, then terminate”, or run a command of your own.</translation>
    </message>
</context>
</TS>
