<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ProcLab::AboutDialog</name>
    <message>
        <source>About ProcLab</source>
        <translation>ProcLab 정보</translation>
    </message>
    <message>
        <source>ProcLab %1</source>
        <translation>ProcLab %1</translation>
    </message>
    <message>
        <source>ProcLab shows what happens when a program starts processes: each worker&apos;s PID, its state and its output as they happen, and how it ends when it is terminated or killed. It turns the two examples of a Python &lt;i&gt;multiprocessing&lt;/i&gt; tutorial into lessons a class can watch, and runs programs of your own the same way.</source>
        <translation>ProcLab은 프로그램이 프로세스를 만들 때 일어나는 일을 보여 줍니다. 각 프로세스의 PID, 상태, 출력을 실시간으로 보여 주고, 종료하거나 강제 종료했을 때 어떻게 끝나는지도 보여 줍니다. 파이썬 &lt;i&gt;multiprocessing&lt;/i&gt; 튜토리얼의 두 예제를 수업에서 함께 지켜볼 수 있는 실습으로 만들었으며, 직접 만든 프로그램도 같은 방식으로 실행할 수 있습니다.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>MIT 라이선스로 배포되는 자유 소프트웨어입니다.</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Qt %1로 빌드, Qt %2에서 실행 중</translation>
    </message>
</context>
<context>
    <name>ProcLab::AppSettings</name>
    <message>
        <source>The settings file could not be read; ProcLab started with its default settings.</source>
        <translation>설정 파일을 읽을 수 없어 기본 설정으로 시작했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) could not be read and went back to the default.</source>
        <translation>
            <numerusform>설정 %n개를 읽을 수 없어 기본값으로 되돌렸습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::CommandLine</name>
    <message>
        <source>the command ends with a lone backslash</source>
        <translation>명령이 짝 없는 역슬래시(\)로 끝납니다</translation>
    </message>
    <message>
        <source>a single quote (&apos;) is not closed</source>
        <translation>작은따옴표(&apos;)가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>a double quote (&quot;) is not closed</source>
        <translation>큰따옴표(&quot;)가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>명령이 비어 있습니다</translation>
    </message>
</context>
<context>
    <name>ProcLab::DescendantReporter</name>
    <message>
        <source>started %1 (%2): %3</source>
        <translation>%1 시작 (%2): %3</translation>
    </message>
    <message>
        <source>%1 ran %2</source>
        <translation>%1이(가) %2 실행</translation>
    </message>
    <message>
        <source>how is unknown</source>
        <translation>어떻게 끝났는지 알 수 없음</translation>
    </message>
    <message>
        <source>%1 (%2) ended: %3</source>
        <translation>%1 (%2) 끝남: %3</translation>
    </message>
    <message>
        <source>child of %1</source>
        <translation>%1의 자식</translation>
    </message>
    <message>
        <source>child of %1, orphaned, reparented to %2</source>
        <translation>%1의 자식, 고아가 되어 %2에 입양됨</translation>
    </message>
    <message>
        <source>child of %1, orphaned</source>
        <translation>%1의 자식, 고아가 됨</translation>
    </message>
</context>
<context>
    <name>ProcLab::DescendantTracker</name>
    <message>
        <source>Following is approximate: this system does not allow tracing here (%1). The program runs as usual, but the processes it starts are not followed.</source>
        <translation>추적이 근사치입니다: 이 시스템은 여기서 추적을 허용하지 않습니다 (%1). 프로그램은 평소처럼 실행되지만, 프로그램이 시작하는 프로세스는 따라가지 못합니다.</translation>
    </message>
    <message>
        <source>%1 is a set-user-ID or set-capability program: while it is followed it runs without those privileges. Turn following off to run it with them.</source>
        <translation>%1은(는) set-user-ID 또는 set-capability 프로그램입니다: 추적하는 동안에는 그 권한 없이 실행됩니다. 권한이 필요하면 추적을 끄고 실행하세요.</translation>
    </message>
    <message>
        <source>%1 traces its own child processes, so ProcLab steps aside for them: the processes it starts are not followed.</source>
        <translation>%1은(는) 자기 자식 프로세스를 직접 추적하므로 ProcLab은 물러섭니다: 그 프로그램이 시작하는 프로세스는 따라가지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ProcLab::ExitInfo</name>
    <message>
        <source>failed to start</source>
        <translation>시작 실패</translation>
    </message>
    <message>
        <source>exit code %1 (%2)</source>
        <translation>종료 코드 %1 (%2)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>시그널 %1</translation>
    </message>
    <message>
        <source>asked to stop; the program could have cleaned up</source>
        <translation>종료 요청을 받음. 프로그램이 정리 작업을 할 수 있었음</translation>
    </message>
    <message>
        <source>killed at once by the system; no chance to clean up</source>
        <translation>시스템이 즉시 강제 종료함. 정리할 기회 없음</translation>
    </message>
    <message>
        <source>interrupted, as by Ctrl+C</source>
        <translation>Ctrl+C처럼 중단됨</translation>
    </message>
    <message>
        <source>hang-up: its terminal or parent went away</source>
        <translation>행업: 터미널이나 부모 프로세스가 사라짐</translation>
    </message>
    <message>
        <source>crashed: invalid memory access</source>
        <translation>비정상 종료: 잘못된 메모리 접근</translation>
    </message>
    <message>
        <source>aborted itself, often after a failed check</source>
        <translation>스스로 중단함. 주로 검사에 실패한 뒤</translation>
    </message>
    <message>
        <source>crashed: bad memory access (bus error)</source>
        <translation>비정상 종료: 잘못된 메모리 접근(버스 오류)</translation>
    </message>
    <message>
        <source>crashed: arithmetic error</source>
        <translation>비정상 종료: 산술 오류</translation>
    </message>
    <message>
        <source>crashed: illegal instruction</source>
        <translation>비정상 종료: 잘못된 명령어</translation>
    </message>
    <message>
        <source>wrote to a pipe nobody reads any more</source>
        <translation>아무도 읽지 않는 파이프에 씀</translation>
    </message>
    <message>
        <source>asked to quit and dump core</source>
        <translation>종료하고 코어 덤프를 남기라는 요청을 받음</translation>
    </message>
    <message>
        <source>paused; it cannot ignore this</source>
        <translation>일시 정지됨. 이 시그널은 무시할 수 없음</translation>
    </message>
    <message>
        <source>resumed after a pause</source>
        <translation>일시 정지 후 다시 실행됨</translation>
    </message>
    <message>
        <source>a signal whose meaning the program defines</source>
        <translation>의미를 프로그램이 정하는 시그널</translation>
    </message>
    <message>
        <source>ended by a signal</source>
        <translation>시그널로 끝남</translation>
    </message>
</context>
<context>
    <name>ProcLab::FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>찾기(&amp;F):</translation>
    </message>
    <message>
        <source>Text in the output</source>
        <translation>출력에서 찾을 텍스트</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>출력에서 찾기</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+Enter)</source>
        <translation>이전 결과 찾기 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Find the next match (Enter)</source>
        <translation>다음 결과 찾기 (Enter)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>찾기 막대 닫기 (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾을 수 없음</translation>
    </message>
</context>
<context>
    <name>ProcLab::HeadlessRunner</name>
    <message>
        <source>received %1: stopping 1 worker</source>
        <translation>%1 받음: 프로세스 1개를 종료합니다</translation>
    </message>
    <message>
        <source>received %1: stopping %2 workers</source>
        <translation>%1 받음: 프로세스 %2개를 종료합니다</translation>
    </message>
    <message>
        <source>received %1 again: killing every worker now</source>
        <translation>%1 다시 받음: 모든 프로세스를 지금 강제 종료합니다</translation>
    </message>
    <message>
        <source>cannot write the record %1: %2</source>
        <translation>레코드 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>received %1: stopping 1 orphan</source>
        <translation>%1 받음: 고아 프로세스 1개 중지</translation>
    </message>
    <message>
        <source>received %1: stopping %2 orphans</source>
        <translation>%1 받음: 고아 프로세스 %2개 중지</translation>
    </message>
    <message>
        <source>waiting for 1 orphan to end (Ctrl+C stops it)</source>
        <translation>고아 프로세스 1개가 끝나기를 기다리는 중 (Ctrl+C로 중지)</translation>
    </message>
    <message>
        <source>waiting for %1 orphans to end (Ctrl+C stops them)</source>
        <translation>고아 프로세스 %1개가 끝나기를 기다리는 중 (Ctrl+C로 중지)</translation>
    </message>
</context>
<context>
    <name>ProcLab::LaunchOptions</name>
    <message>
        <source>--%1: “%2” is not a whole number from %3 to %4</source>
        <translation>--%1: “%2”은(는) %3에서 %4 사이의 정수가 아닙니다</translation>
    </message>
    <message>
        <source>Watch processes live: spawn workers, see their PIDs, states and output, and stop them, gracefully or not.

Exit status: 0 when every worker ended normally or was stopped because you asked; 1 when a worker failed to start, crashed or exited non-zero on its own; 2 for a bad command line; 128+N when the monitor itself was stopped by signal N.</source>
        <translation>프로세스를 실시간으로 지켜봅니다: 프로세스를 만들고, PID와 상태와 출력을 보고, 정상적으로 또는 강제로 종료합니다.

종료 상태: 모든 프로세스가 정상적으로 끝났거나 요청에 따라 종료되었으면 0, 프로세스가 시작에 실패했거나 비정상 종료했거나 스스로 0이 아닌 코드로 끝났으면 1, 명령줄이 잘못되었으면 2, 모니터 자신이 시그널 N으로 종료되었으면 128+N.</translation>
    </message>
    <message>
        <source>Run in this terminal without a window: worker output goes to stdout and stderr, ProcLab&apos;s own messages to stderr.</source>
        <translation>창 없이 이 터미널에서 실행합니다: 프로세스의 출력은 stdout과 stderr로, ProcLab 자신의 메시지는 stderr로 나갑니다.</translation>
    </message>
    <message>
        <source>Lesson 1: print the main process&apos;s line, then start &lt;N&gt; (1-%1) processes that each print their own PID.</source>
        <translation>실습 1: 메인 프로세스의 줄을 출력한 뒤, 각자 자신의 PID를 출력하는 프로세스 &lt;N&gt;개(1-%1)를 시작합니다.</translation>
    </message>
    <message>
        <source>Terminate after &lt;S&gt; seconds. Without --run, lesson 2: a counting process, terminated after S seconds. With --run, the --run processes.</source>
        <translation>&lt;S&gt;초 뒤에 종료합니다. --run이 없으면 실습 2: 숫자를 세는 프로세스를 S초 뒤에 종료합니다. --run이 있으면 --run 프로세스들을 종료합니다.</translation>
    </message>
    <message>
        <source>Run &lt;COMMAND&gt;, split into words as a shell would, but without a shell. Repeatable.</source>
        <translation>&lt;COMMAND&gt;를 셸처럼 단어로 나누어 실행하지만, 셸은 실행하지 않습니다. 여러 번 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>How long a terminate waits before it kills, in milliseconds (default %1).</source>
        <translation>종료 요청 후 강제 종료하기까지 기다리는 시간, 밀리초 단위 (기본값 %1).</translation>
    </message>
    <message>
        <source>unexpected argument “%1” (commands go after --run)</source>
        <translation>예상하지 못한 인자 “%1” (명령은 --run 뒤에 씁니다)</translation>
    </message>
    <message>
        <source>--lang: “%1” is not a language ProcLab knows: use ko or en</source>
        <translation>--lang: “%1”은(는) ProcLab이 아는 언어가 아닙니다: ko 또는 en을 쓰세요</translation>
    </message>
    <message>
        <source>--run “%1”: %2</source>
        <translation>--run “%1”: %2</translation>
    </message>
    <message>
        <source>--run: the program name contains a control character</source>
        <translation>--run: 프로그램 이름에 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>--run: the program name is not valid UTF-8 text</source>
        <translation>--run: 프로그램 이름이 올바른 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>nothing to run: give --spawn, --countdown or --run (see --help)</source>
        <translation>실행할 것이 없습니다: --spawn, --countdown 또는 --run을 주세요 (--help 참고)</translation>
    </message>
    <message>
        <source>Language of the window and of the lessons&apos; texts: ko or en (default: the system&apos;s).</source>
        <translation>창과 실습 텍스트의 언어: ko 또는 en (기본값: 시스템 언어).</translation>
    </message>
    <message>
        <source>--run: the program name is %1 characters long, longer than any path</source>
        <translation>--run: 프로그램 이름이 %1자로, 어떤 경로보다도 깁니다</translation>
    </message>
    <message>
        <source>--run “%1”: word %2 is not valid UTF-8 text</source>
        <translation>--run “%1”: %2번째 단어가 올바른 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>Do not follow the processes that --run commands create: without it, every child, grandchild and orphan of theirs is seen start, exec and end.</source>
        <translation>--run 명령이 만드는 프로세스를 따라가지 않습니다: 이 옵션이 없으면 자식, 손자, 고아 프로세스가 모두 시작, exec, 종료되는 것을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Start each output line with the PID ([4251] ) or the name ([python3] ) of the worker that printed it, or with nothing (default).</source>
        <translation>출력 줄마다 앞에 그 줄을 출력한 프로세스의 PID([4251] )나 이름([python3] )을 붙이거나, 아무것도 붙이지 않습니다 (기본값).</translation>
    </message>
    <message>
        <source>Write every process event and output line of the run to &lt;FILE&gt;, as JSON Lines (docs/record-format.md).</source>
        <translation>실행 중의 모든 프로세스 이벤트와 출력 줄을 &lt;FILE&gt;에 JSON Lines로 기록합니다 (docs/record-format.md).</translation>
    </message>
    <message>
        <source>--prefix: “%1” is not one of pid, name or none</source>
        <translation>--prefix: “%1”은(는) pid, name, none 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>--record: the file name is empty</source>
        <translation>--record: 파일 이름이 비어 있습니다</translation>
    </message>
</context>
<context>
    <name>ProcLab::LowerPane</name>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>What the workers print, as it arrives</source>
        <translation>프로세스가 출력하는 내용을 도착하는 대로 보여 줍니다</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>When each process started and ended, its output and the signals it got, on one time axis</source>
        <translation>각 프로세스가 언제 시작하고 끝났는지, 출력과 받은 시그널을 하나의 시간 축에 보여 줍니다</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스 트리</translation>
    </message>
    <message>
        <source>The process tree: the main process, its workers and the processes they started, with PID, PPID, CPU and memory</source>
        <translation>프로세스 트리: 메인 프로세스와 그 프로세스들, 그리고 그들이 시작한 프로세스를 PID, PPID, CPU, 메모리와 함께 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>ProcLab::Main</name>
    <message>
        <source>proclab: %1 (see proclab --help)</source>
        <translation>proclab: %1 (proclab --help 참고)</translation>
    </message>
</context>
<context>
    <name>ProcLab::MainWindow</name>
    <message>
        <source>proclab-worker not found: no lessons (set PROCLAB_WORKER)</source>
        <translation>proclab-worker를 찾을 수 없어 실습을 쓸 수 없습니다 (PROCLAB_WORKER를 지정하세요)</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n worker(s)…</source>
        <translation>
            <numerusform>프로세스 %n개 종료 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Killing %n worker(s)…</source>
        <translation>
            <numerusform>프로세스 %n개 강제 종료 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>ProcLab</source>
        <translation>ProcLab</translation>
    </message>
    <message>
        <source>Cannot write the record %1: %2</source>
        <translation>레코드 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Record saved to %1</source>
        <translation>레코드를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Save Record</source>
        <translation>레코드 저장</translation>
    </message>
    <message>
        <source>Could not save the record to “%1”: %2</source>
        <translation>레코드를 “%1”에 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>ProcLab records (*.proclab-record);;All files (*)</source>
        <translation>ProcLab 레코드 (*.proclab-record);;모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n orphan(s)…</source>
        <translation>
            <numerusform>고아 프로세스 %n개 종료 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Killing %n orphan(s)…</source>
        <translation>
            <numerusform>고아 프로세스 %n개 강제 종료 중…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::OutputRenderer</name>
    <message numerus="yes">
        <source>  … %Ln more characters; the line goes on in the next row</source>
        <translation>
            <numerusform>  … %Ln자 더 있음. 다음 행에 이어집니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … %Ln more characters (Copy and Save have them all)</source>
        <translation>
            <numerusform>  … %Ln자 더 있음 (복사와 저장에는 모두 들어갑니다)</numerusform>
        </translation>
    </message>
    <message>
        <source>  (the line goes on in the next row)</source>
        <translation>  (다음 행에 이어집니다)</translation>
    </message>
</context>
<context>
    <name>ProcLab::OutputView</name>
    <message>
        <source>Output of the workers</source>
        <translation>프로세스들의 출력</translation>
    </message>
    <message>
        <source>The log keeps the newest lines only; the rows above the first one were dropped to keep memory bounded.</source>
        <translation>로그는 가장 최근 줄만 보관합니다. 메모리를 제한하려고 첫 행보다 오래된 줄은 버렸습니다.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Save Output As…</source>
        <translation>출력을 다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>F&amp;ollow New Output</source>
        <translation>새 출력 따라가기(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Timestamps</source>
        <translation>시각 표시(&amp;T)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln older line(s) dropped (scrollback limit)</source>
        <translation>
            <numerusform>오래된 줄 %Ln개를 버림 (스크롤백 한도)</numerusform>
        </translation>
    </message>
    <message>
        <source>No output yet.</source>
        <translation>아직 출력이 없습니다.</translation>
    </message>
    <message>
        <source>No output from the selected workers yet.</source>
        <translation>선택한 프로세스의 출력이 아직 없습니다.</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>출력 저장</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not save the output to “%1”: %2</source>
        <translation>출력을 “%1”에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>No output from the selected processes yet.</source>
        <translation>선택한 프로세스가 쓴 출력이 아직 없습니다.</translation>
    </message>
</context>
<context>
    <name>ProcLab::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>유예 시간(&amp;G):</translation>
    </message>
    <message>
        <source>How long Terminate waits after SIGTERM before it kills with SIGKILL</source>
        <translation>종료가 SIGTERM을 보낸 뒤 SIGKILL로 강제 종료하기까지 기다리는 시간</translation>
    </message>
    <message>
        <source> ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>&amp;Countdown:</source>
        <translation>카운트다운(&amp;C):</translation>
    </message>
    <message>
        <source>Seconds before lesson 2 terminates its counting process; also used by “Terminate in N s”</source>
        <translation>실습 2가 숫자를 세는 프로세스를 종료하기까지의 초. “N초 후 종료”에도 쓰입니다</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>&amp;Scrollback:</source>
        <translation>스크롤백(&amp;S):</translation>
    </message>
    <message>
        <source> lines</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>글자 크기(&amp;T):</translation>
    </message>
    <message>
        <source>The size of the table&apos;s and the output&apos;s text</source>
        <translation>표와 출력의 글자 크기</translation>
    </message>
    <message>
        <source> pt</source>
        <translation>pt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>The language of the window and of the lessons&apos; texts</source>
        <translation>창과 실습 텍스트의 언어</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>&amp;Run commands line-buffered by default</source>
        <translation>명령을 기본으로 줄 단위 버퍼링으로 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Whether Run command… asks programs to write each line as soon as they print it</source>
        <translation>명령 실행…이 프로그램에 각 줄을 출력하자마자 내보내도록 요청할지 여부</translation>
    </message>
    <message>
        <source>How many lines of output are kept; older lines are dropped, from the output and from each worker&apos;s own history</source>
        <translation>보관할 출력 줄 수. 더 오래된 줄은 출력과 각 프로세스의 기록에서 버립니다</translation>
    </message>
    <message>
        <source>&amp;Keep a record of each session</source>
        <translation>세션마다 기록 남기기(&amp;K)</translation>
    </message>
    <message>
        <source>Everything a window runs is recorded as it happens; the last %1 records are kept, the oldest dropped first. A change applies from the next window.</source>
        <translation>창에서 실행하는 모든 것이 실행되는 그대로 기록됩니다. 최근 기록 %1개를 남기고, 가장 오래된 것부터 지웁니다. 바꾼 설정은 다음 창부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Records are kept in %1</source>
        <translation>기록 보관 위치: %1</translation>
    </message>
    <message>
        <source>Click to open the folder</source>
        <translation>클릭하면 폴더를 엽니다</translation>
    </message>
</context>
<context>
    <name>ProcLab::ProcessTreeModel</name>
    <message>
        <source>ProcLab itself: it starts the workers, as the tutorial&apos;s main program starts its processes. Every worker&apos;s parent (PPID) is this process.</source>
        <translation>ProcLab 자신: 튜토리얼의 메인 프로그램이 프로세스를 시작하듯 프로세스들을 시작합니다. 모든 프로세스의 부모(PPID)가 이 프로세스입니다.</translation>
    </message>
    <message>
        <source>Its parent ended before it did, so the system gave it another parent (PID %1). It is still in the worker&apos;s process group: Terminate stops it too.</source>
        <translation>부모가 먼저 끝나서 시스템이 새 부모(PID %1)를 정해 주었습니다. 여전히 프로세스 그룹에 속해 있어 종료하면 이것도 멈춥니다.</translation>
    </message>
    <message>
        <source>Started by PID %1</source>
        <translation>PID %1이(가) 시작함</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>waiting for the disk</source>
        <translation>디스크 대기 중</translation>
    </message>
    <message>
        <source>stopped (paused)</source>
        <translation>멈춤 (일시 정지)</translation>
    </message>
    <message>
        <source>stopped by a debugger</source>
        <translation>디버거가 멈춤</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>좀비</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>죽음</translation>
    </message>
    <message>
        <source>main process (ProcLab itself)</source>
        <translation>메인 프로세스 (ProcLab 자신)</translation>
    </message>
    <message>
        <source>%1 · orphan (re-parented)</source>
        <translation>%1 · 고아 (새 부모에게 입양됨)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Process ID: the number the system gave the process</source>
        <translation>프로세스 ID: 시스템이 프로세스에 붙인 번호</translation>
    </message>
    <message>
        <source>Parent process ID: the process that started it (os.getppid() in Python)</source>
        <translation>부모 프로세스 ID: 이 프로세스를 시작한 프로세스 (파이썬의 os.getppid())</translation>
    </message>
    <message>
        <source>What the process is doing, as the system says it</source>
        <translation>시스템이 알려 주는 프로세스의 현재 상태</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
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
        <translation>상태</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message numerus="yes">
        <source>%1 % itself, %2 % with the %n process(es) below it</source>
        <translation>
            <numerusform>자신 %1 %, 아래 프로세스 %n개를 더하면 %2 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 itself, %2 with the %n process(es) below it</source>
        <translation>
            <numerusform>자신 %1, 아래 프로세스 %n개를 더하면 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Processor use of this process and every process below it, in % of one core: for a worker, the figure of the worker table. Hover over a cell for the process alone</source>
        <translation>이 프로세스와 그 아래 모든 프로세스의 CPU 사용률 합계 (코어 하나 기준 %): 표에 있는 프로세스라면 표와 같은 값입니다. 셀 위에 마우스를 올리면 이 프로세스 하나의 값을 보여 줍니다</translation>
    </message>
    <message>
        <source>Resident memory (RSS) of this process and every process below it, added up: for a worker, the figure of the worker table. Hover over a cell for the process alone</source>
        <translation>이 프로세스와 그 아래 모든 프로세스의 상주 메모리(RSS) 합계: 표에 있는 프로세스라면 표와 같은 값입니다. 셀 위에 마우스를 올리면 이 프로세스 하나의 값을 보여 줍니다</translation>
    </message>
    <message>
        <source>It has ended, but its parent (PID %1) has not collected its exit status yet (wait() in C, join() in Python): until it does, the system keeps it as a zombie.</source>
        <translation>끝났지만 부모(PID %1)가 아직 종료 상태를 거두지 않았습니다 (C의 wait(), 파이썬의 join()). 거둘 때까지 시스템은 이 프로세스를 좀비로 남겨 둡니다.</translation>
    </message>
    <message>
        <source>An orphan: its parent (PID %1) ended before it did, so the system gave it another parent.</source>
        <translation>고아 프로세스: 부모(PID %1)가 먼저 끝나서 시스템이 다른 부모를 정해 주었습니다.</translation>
    </message>
    <message>
        <source>Exit code (as Python&apos;s exitcode): %1</source>
        <translation>종료 코드 (파이썬 exitcode 기준): %1</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n개 더</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) of this worker not listed, to keep the tree small: those that ended earliest, and any beyond the first %1 that have not ended.</source>
        <translation>
            <numerusform>트리를 작게 유지하려고 이 프로세스의 하위 프로세스 %n개는 표시하지 않았습니다: 가장 먼저 끝난 것들과, 아직 끝나지 않은 것 중 처음 %1개를 넘는 것들입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>ended · exit %1</source>
        <translation>끝남 · 종료 코드 %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>끝남</translation>
    </message>
</context>
<context>
    <name>ProcLab::ProcessView</name>
    <message>
        <source>No worker is running. Running workers appear here under the main process, and the processes they start appear under them. Try Run command… with: proclab-worker spawn-children 3</source>
        <translation>실행 중인 프로세스가 없습니다. 실행 중인 프로세스는 여기 메인 프로세스 아래에 나타나고, 그 프로세스가 시작한 프로세스는 다시 그 아래에 나타납니다. 명령 실행…으로 다음을 실행해 보세요: proclab-worker spawn-children 3</translation>
    </message>
    <message>
        <source>The selected workers are no longer in the table.</source>
        <translation>선택한 프로세스가 더 이상 표에 없습니다.</translation>
    </message>
</context>
<context>
    <name>ProcLab::ProgramLocator</name>
    <message>
        <source>“%1”: no such file</source>
        <translation>“%1”: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a program</source>
        <translation>“%1”은(는) 프로그램이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>“%1” is not executable (no execute permission)</source>
        <translation>“%1”은(는) 실행할 수 없습니다 (실행 권한 없음)</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>명령이 비어 있습니다</translation>
    </message>
    <message>
        <source>the program name contains a control character</source>
        <translation>프로그램 이름에 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>“%1”: no such program in PATH</source>
        <translation>“%1”: PATH에 그런 프로그램이 없습니다</translation>
    </message>
</context>
<context>
    <name>ProcLab::PythonCall</name>
    <message>
        <source>%1 to %2</source>
        <translation>%2에 %1</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>%1을(를) 기다림</translation>
    </message>
    <message>
        <source>returned: %1 ended, exitcode %2</source>
        <translation>반환됨: %1 종료, exitcode %2</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>반환됨</translation>
    </message>
</context>
<context>
    <name>ProcLab::PythonPanel</name>
    <message>
        <source>Copy script</source>
        <translation>스크립트 복사</translation>
    </message>
    <message>
        <source>Save script…</source>
        <translation>스크립트 저장…</translation>
    </message>
    <message>
        <source>Copy the whole session as a Python program that does it again</source>
        <translation>지금까지의 세션을 그대로 다시 해 보는 파이썬 프로그램으로 복사합니다</translation>
    </message>
    <message>
        <source>Save the whole session as a Python program (run it with python3)</source>
        <translation>지금까지의 세션을 파이썬 프로그램으로 저장합니다 (python3으로 실행)</translation>
    </message>
    <message>
        <source>Save the session as a Python script</source>
        <translation>세션을 파이썬 스크립트로 저장</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>파이썬 스크립트 (*.py);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>스크립트 저장</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Python program&lt;/b&gt;: no source file</source>
        <translation>&lt;b&gt;파이썬 프로그램&lt;/b&gt;: 소스 파일 없음</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the program&apos;s own source, as it runs</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 실행 중인 프로그램 자신의 소스</translation>
    </message>
    <message>
        <source>%1
Each line that made a multiprocessing call is annotated with what it did: the PIDs it started, the signals it sent, the exit codes it read</source>
        <translation>%1
multiprocessing 호출을 한 줄마다 그 결과를 주석으로 붙입니다: 시작한 PID, 보낸 시그널, 읽은 종료 코드</translation>
    </message>
    <message>
        <source>Copy source</source>
        <translation>소스 복사</translation>
    </message>
    <message>
        <source>Copy the program&apos;s source with the annotations as comments</source>
        <translation>결과 주석을 붙인 프로그램 소스를 복사합니다</translation>
    </message>
    <message>
        <source>The program&apos;s source is a file of its own (%1); Save script saves the session&apos;s script, shown when no Python program is selected</source>
        <translation>프로그램의 소스는 이미 자기 파일(%1)입니다. 스크립트 저장은 파이썬 프로그램을 선택하지 않았을 때 보이는 세션 스크립트를 저장합니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;The same in Python&lt;/b&gt;</source>
        <translation>&lt;b&gt;같은 일을 파이썬으로&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The same in Python&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;같은 일을 파이썬으로&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>Every action on the workers as the tutorial&apos;s Python would write it, with the real PIDs and exit codes as comments. Select a Python program to see its own source.</source>
        <translation>프로세스에 한 모든 동작을 튜토리얼의 파이썬 코드로 보여 주고, 실제 PID와 종료 코드는 주석으로 붙입니다. 파이썬 프로그램을 선택하면 그 프로그램 자신의 소스를 보여 줍니다.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1은(는) 비어 있습니다.</translation>
    </message>
</context>
<context>
    <name>ProcLab::PythonSource</name>
    <message>
        <source>This Python program runs no file of its own (python3 -c or -m): there is no source to show.</source>
        <translation>이 파이썬 프로그램은 자기 파일을 실행하지 않습니다 (python3 -c 또는 -m): 보여 줄 소스가 없습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be found, so its source cannot be shown.</source>
        <translation>%1을(를) 찾을 수 없어 소스를 보여 줄 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is not a regular file, so its source is not shown.</source>
        <translation>%1은(는) 일반 파일이 아니어서 소스를 보여 주지 않습니다.</translation>
    </message>
    <message>
        <source>%1 is too large to show (more than %2 MB).</source>
        <translation>%1은(는) 너무 커서 보여 줄 수 없습니다 (%2 MB 초과).</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 … and %n more</source>
        <translation>
            <numerusform>%1 … 외 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other</source>
        <translation>
            <numerusform>그 밖의 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%2에 %1</translation>
    </message>
    <message>
        <source>exitcode %1</source>
        <translation>exitcode %1</translation>
    </message>
    <message>
        <source>timed out, still running</source>
        <translation>시간 초과, 아직 실행 중</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>%1을(를) 기다리는 중</translation>
    </message>
    <message>
        <source>workers %1</source>
        <translation>작업 프로세스 %1</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>반환됨</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>SIGTERM to its workers</source>
        <translation>작업 프로세스들에 SIGTERM</translation>
    </message>
    <message>
        <source>called</source>
        <translation>호출됨</translation>
    </message>
</context>
<context>
    <name>ProcLab::RecordKeeper</name>
    <message>
        <source>cannot create %1: this session is not recorded</source>
        <translation>%1을(를) 만들 수 없습니다: 이 세션은 기록되지 않습니다</translation>
    </message>
    <message>
        <source>this session is not recorded: %1</source>
        <translation>이 세션은 기록되지 않습니다: %1</translation>
    </message>
    <message>
        <source>cannot create a record in %1: this session is not recorded</source>
        <translation>%1에 기록을 만들 수 없어 이 세션은 기록되지 않습니다</translation>
    </message>
    <message>
        <source>Recording is off, so there is no record to save: turn on “Keep a record of each session” in Preferences, and the next window&apos;s session is recorded.</source>
        <translation>기록이 꺼져 있어 저장할 기록이 없습니다. 환경 설정에서 “세션마다 기록 남기기”를 켜면 다음 창의 세션부터 기록됩니다.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>기록된 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ProcLab::RecordReader</name>
    <message>
        <source>line %1 is not a record (%2): the rest of the file was not read</source>
        <translation>%1번째 줄은 레코드가 아닙니다 (%2): 파일의 나머지는 읽지 않았습니다</translation>
    </message>
    <message>
        <source>the record ends in the middle of line %1: it was cut short</source>
        <translation>레코드가 %1번째 줄 중간에서 끝납니다: 중간에 잘렸습니다</translation>
    </message>
    <message>
        <source>this is not a ProcLab record: its first line is not a record header</source>
        <translation>ProcLab 레코드가 아닙니다: 첫 줄이 레코드 헤더가 아닙니다</translation>
    </message>
    <message>
        <source>the record header has no valid version</source>
        <translation>레코드 헤더에 올바른 버전이 없습니다</translation>
    </message>
    <message>
        <source>this record was written by a newer ProcLab (format %1; this version reads format %2): what it does not know is left out</source>
        <translation>더 새로운 ProcLab이 쓴 레코드입니다 (형식 %1, 이 버전은 형식 %2를 읽습니다): 모르는 내용은 빼고 보여 줍니다</translation>
    </message>
    <message>
        <source>line %1 is not a record: it has no &quot;kind&quot; or no &quot;t&quot;</source>
        <translation>%1번째 줄은 레코드가 아닙니다: &quot;kind&quot;나 &quot;t&quot;가 없습니다</translation>
    </message>
    <message>
        <source>the record is empty</source>
        <translation>레코드가 비어 있습니다</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>ProcLab::RecordWriter</name>
    <message>
        <source>the record reached its size limit of %1 MB; what came before is kept</source>
        <translation>레코드가 크기 한도 %1 MB에 도달했습니다. 그 전까지의 기록은 남아 있습니다</translation>
    </message>
</context>
<context>
    <name>ProcLab::RunCommandDialog</name>
    <message>
        <source>Run Command</source>
        <translation>명령 실행</translation>
    </message>
    <message>
        <source>for example: python3 count.py</source>
        <translation>예: python3 count.py</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Line-buffer output</source>
        <translation>출력을 줄 단위로 버퍼링</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>명령(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>작업 폴더(&amp;W):</translation>
    </message>
    <message>
        <source>Type the command to run.</source>
        <translation>실행할 명령을 입력하세요.</translation>
    </message>
    <message>
        <source>The working folder “%1” is not a folder.</source>
        <translation>작업 폴더 “%1”은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>The working folder “%1” does not exist.</source>
        <translation>작업 폴더 “%1”이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Runs %1</source>
        <translation>%1을(를) 실행합니다</translation>
    </message>
    <message>
        <source>Working Folder</source>
        <translation>작업 폴더</translation>
    </message>
    <message>
        <source>Asks the program to write each line as soon as it prints it (Python: line-buffered stdout and stderr; C programs: stdbuf), so that output arrives live instead of in blocks.</source>
        <translation>프로그램이 줄을 출력하는 즉시 내보내도록 합니다 (Python: 줄 단위 버퍼의 stdout과 stderr, C 프로그램: stdbuf). 출력이 덩어리로 모이지 않고 바로바로 도착합니다.</translation>
    </message>
    <message>
        <source>Follow the processes it starts</source>
        <translation>시작하는 프로세스 따라가기</translation>
    </message>
    <message>
        <source>Show every process the command starts, at any depth, with its PID, what it runs, and when and how it ends, however briefly it lives. Turn it off for programs that need their set-user-ID privileges (sudo, ping) or trace processes themselves.</source>
        <translation>명령이 시작하는 모든 프로세스를 깊이와 상관없이, 아무리 짧게 살아도 보여 줍니다: PID, 무엇을 실행하는지, 언제 어떻게 끝나는지. set-user-ID 권한이 필요한 프로그램(sudo, ping)이나 스스로 프로세스를 추적하는 프로그램에서는 끄세요.</translation>
    </message>
</context>
<context>
    <name>ProcLab::Session</name>
    <message>
        <source>not starting a lesson: every worker is being stopped</source>
        <translation>실습을 시작하지 않습니다: 모든 프로세스를 멈추는 중입니다</translation>
    </message>
    <message>
        <source>cannot run the lessons: the helper program proclab-worker was not found beside proclab (set PROCLAB_WORKER to its path)</source>
        <translation>실습을 실행할 수 없습니다: 도우미 프로그램 proclab-worker가 proclab 옆에 없습니다 (PROCLAB_WORKER에 경로를 지정하세요)</translation>
    </message>
    <message>
        <source>not starting “%1”: every worker is being stopped</source>
        <translation>“%1”을(를) 시작하지 않습니다: 모든 프로세스를 멈추는 중입니다</translation>
    </message>
    <message>
        <source>not starting the command line&apos;s work: every worker is being stopped</source>
        <translation>명령줄의 작업을 시작하지 않습니다: 모든 프로세스를 멈추는 중입니다</translation>
    </message>
    <message>
        <source>not signalling %1: its worker is no longer in the table</source>
        <translation>%1에 시그널을 보내지 않음: 그 작업자가 더 이상 표에 없습니다</translation>
    </message>
    <message>
        <source>not sending %1 to %2: %3</source>
        <translation>%2에 %1을(를) 보내지 않음: %3</translation>
    </message>
</context>
<context>
    <name>ProcLab::StatusSummary</name>
    <message numerus="yes">
        <source>%1 running · %2 paused · %n worker(s)</source>
        <translation>
            <numerusform>실행 중 %1개 · 일시 정지 %2개 · 프로세스 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting</source>
        <translation>
            <numerusform> · 대기 중 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Workers running now · paused · workers in the table</source>
        <translation>지금 실행 중인 프로세스 · 일시 정지된 프로세스 · 표에 있는 프로세스</translation>
    </message>
    <message>
        <source>CPU and memory unavailable</source>
        <translation>CPU와 메모리를 알 수 없음</translation>
    </message>
    <message>
        <source>The process table (/proc) cannot be read: CPU, memory and the process tree are not measured</source>
        <translation>프로세스 표(/proc)를 읽을 수 없습니다: CPU, 메모리, 프로세스 트리를 측정하지 않습니다</translation>
    </message>
    <message>
        <source>Main process %1</source>
        <translation>메인 프로세스 %1</translation>
    </message>
    <message>
        <source>The PID of ProcLab itself: the main program of the lessons</source>
        <translation>ProcLab 자신의 PID: 실습의 메인 프로그램</translation>
    </message>
</context>
<context>
    <name>ProcLab::TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Each worker gets a lane here: a bar from its start to its end, a tick for every line it prints, and a mark for every signal it gets.</source>
        <translation>프로세스마다 여기에 줄이 하나씩 생깁니다: 시작부터 끝까지 막대 하나, 출력한 줄마다 눈금 하나, 받은 시그널마다 표시 하나.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>main process</source>
        <translation>메인 프로세스</translation>
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
        <translation>%1에 시작, %2에 끝남: %3초 실행</translation>
    </message>
    <message>
        <source>started at %1, running for %2 s</source>
        <translation>%1에 시작, %2초째 실행 중</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of output</source>
        <translation>
            <numerusform>출력 %n줄</numerusform>
        </translation>
    </message>
    <message>
        <source>main process · PID %1
ProcLab itself: it starts the workers, as the tutorial&apos;s main program starts its processes</source>
        <translation>메인 프로세스 · PID %1
ProcLab 자신: 튜토리얼의 메인 프로그램이 프로세스를 시작하듯 프로세스들을 시작합니다</translation>
    </message>
    <message>
        <source>Show a longer time (Ctrl+wheel down)</source>
        <translation>더 긴 시간 보기 (Ctrl+휠 아래)</translation>
    </message>
    <message>
        <source>Show a shorter time in more detail (Ctrl+wheel up)</source>
        <translation>더 짧은 시간을 자세히 보기 (Ctrl+휠 위)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞추기</translation>
    </message>
    <message>
        <source>Show the selected processes from start to end, or everything from the start of the main process to now</source>
        <translation>선택한 프로세스를 시작부터 끝까지 보기, 선택이 없으면 메인 프로세스 시작부터 지금까지 모두 보기</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>ended</source>
        <translation>끝남</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>좀비</translation>
    </message>
    <message>
        <source>%1 processes in all, %2 running; the lanes show the %3 most recent</source>
        <translation>프로세스 모두 %1개, 실행 중 %2개; 줄은 최근 %3개만 보여 줍니다</translation>
    </message>
    <message>
        <source>orphan → %1</source>
        <translation>고아 → %1</translation>
    </message>
    <message>
        <source>orphan</source>
        <translation>고아</translation>
    </message>
    <message>
        <source>PID %1 · %2</source>
        <translation>PID %1 · %2</translation>
    </message>
    <message>
        <source>%1 · PID %2 (child of %3)</source>
        <translation>%1 · PID %2 (%3의 자식)</translation>
    </message>
    <message>
        <source>started at %1, ended at %2: ran %3 ms</source>
        <translation>%1에 시작, %2에 끝남: %3밀리초 실행</translation>
    </message>
    <message>
        <source>started at %1, running</source>
        <translation>%1에 시작, 실행 중</translation>
    </message>
    <message>
        <source>ended; how is not known</source>
        <translation>끝남; 어떻게 끝났는지는 알 수 없음</translation>
    </message>
    <message>
        <source>a zombie: ended, not yet reaped by its parent</source>
        <translation>좀비: 끝났지만 부모가 아직 회수하지 않음</translation>
    </message>
    <message>
        <source>a zombie until %1, when its parent reaped it</source>
        <translation>%1까지 좀비, 그때 부모가 회수함</translation>
    </message>
    <message>
        <source>an orphan: its parent ended first; adopted by PID %1</source>
        <translation>고아: 부모가 먼저 끝남; PID %1이(가) 입양함</translation>
    </message>
    <message>
        <source>an orphan: its parent ended first</source>
        <translation>고아: 부모가 먼저 끝남</translation>
    </message>
    <message numerus="yes">
        <source>%n exec(s)</source>
        <translation>
            <numerusform>exec %n번</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s) received</source>
        <translation>
            <numerusform>시그널 %n개 받음</numerusform>
        </translation>
    </message>
    <message>
        <source>not followed exactly: seen from /proc</source>
        <translation>정확히 추적하지 못함: /proc에서 본 것</translation>
    </message>
    <message>
        <source>%1: exec %2</source>
        <translation>%1: exec %2</translation>
    </message>
    <message>
        <source>%1: received %2</source>
        <translation>%1: %2 받음</translation>
    </message>
</context>
<context>
    <name>ProcLab::TutorialDialog</name>
    <message>
        <source>The Tutorial</source>
        <translation>튜토리얼</translation>
    </message>
    <message>
        <source>1. Starting processes</source>
        <translation>1. 프로세스 시작하기</translation>
    </message>
    <message>
        <source>2. terminate()</source>
        <translation>2. terminate()</translation>
    </message>
    <message>
        <source>&lt;p&gt;A running program is a &lt;b&gt;process&lt;/b&gt;, and the operating system gives each one a number of its own, its &lt;b&gt;PID&lt;/b&gt;. In this example the main program first says its own PID, then &lt;code&gt;multiprocessing.Process&lt;/code&gt; starts four new processes, the sub programs, and each says its PID in turn.&lt;/p&gt;&lt;p&gt;Every PID is different: these are four separate processes, not four calls of one function. They also need not finish in the order they were started; the operating system decides who runs when.&lt;/p&gt;</source>
        <translation>&lt;p&gt;실행 중인 프로그램을 &lt;b&gt;프로세스&lt;/b&gt;라고 하고, 운영체제는 프로세스마다 고유한 번호인 &lt;b&gt;PID&lt;/b&gt;를 붙입니다. 이 예제에서 메인 프로그램은 먼저 자신의 PID를 말하고, &lt;code&gt;multiprocessing.Process&lt;/code&gt;로 새 프로세스 네 개(서브 프로그램)를 시작합니다. 서브 프로그램도 각자 자신의 PID를 말합니다.&lt;/p&gt;&lt;p&gt;PID가 모두 다릅니다. 함수 하나를 네 번 부른 것이 아니라 서로 독립된 프로세스 네 개이기 때문입니다. 시작한 순서대로 끝난다는 보장도 없습니다. 어느 프로세스가 언제 실행될지는 운영체제가 정합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A process does not have to run to its end. Here the sub program counts, one number a second, up to 100000; the main program waits five seconds and then calls &lt;code&gt;terminate()&lt;/code&gt;, which sends the process the signal &lt;b&gt;SIGTERM&lt;/b&gt;. The count stops at about five.&lt;/p&gt;&lt;p&gt;In ProcLab the worker is marked &lt;i&gt;terminated&lt;/i&gt; and its exit code is -15, as Python&apos;s &lt;code&gt;Process.exitcode&lt;/code&gt; says it: minus the number of the signal. A program that ignores SIGTERM is killed with SIGKILL after the grace period.&lt;/p&gt;</source>
        <translation>&lt;p&gt;프로세스를 꼭 끝까지 실행할 필요는 없습니다. 여기서 서브 프로그램은 1초에 하나씩 100000까지 숫자를 셉니다. 메인 프로그램은 5초를 기다린 뒤 &lt;code&gt;terminate()&lt;/code&gt;를 불러 그 프로세스에 &lt;b&gt;SIGTERM&lt;/b&gt; 시그널을 보냅니다. 그래서 숫자는 5 근처에서 멈춥니다.&lt;/p&gt;&lt;p&gt;ProcLab에서 이 프로세스는 &lt;i&gt;종료됨&lt;/i&gt;으로 표시되고 종료 코드는 -15입니다. 파이썬의 &lt;code&gt;Process.exitcode&lt;/code&gt;가 말하는 방식 그대로, 시그널 번호에 마이너스를 붙인 값입니다. SIGTERM을 무시하는 프로그램은 유예 시간이 지나면 SIGKILL로 강제 종료됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The Python program:</source>
        <translation>파이썬 프로그램:</translation>
    </message>
    <message>
        <source>What it printed:</source>
        <translation>실행 결과:</translation>
    </message>
    <message>
        <source>Run this lesson in the window</source>
        <translation>이 실습을 창에서 실행합니다</translation>
    </message>
    <message>
        <source>Count, then terminate in %1 s</source>
        <translation>숫자 세고 %1초 후 종료</translation>
    </message>
    <message numerus="yes">
        <source>Spawn %n workers</source>
        <translation>
            <numerusform>프로세스 %n개 생성</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::Worker</name>
    <message>
        <source>%1 ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>명령이 비어 있습니다</translation>
    </message>
    <message>
        <source>the working folder “%1” does not exist</source>
        <translation>작업 폴더 “%1”이(가) 없습니다</translation>
    </message>
    <message>
        <source>started %1: %2</source>
        <translation>%1 시작: %2</translation>
    </message>
    <message>
        <source>too many open files: the monitor has reached its limit of open files</source>
        <translation>열린 파일이 너무 많습니다: 모니터가 열 수 있는 파일 수의 한도에 이르렀습니다</translation>
    </message>
    <message>
        <source>cannot start “%1”: %2</source>
        <translation>“%1”을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>시작 실패: %1</translation>
    </message>
    <message>
        <source>terminated %1 after %2: %3</source>
        <translation>%1, %2 만에 종료됨: %3</translation>
    </message>
    <message>
        <source>killed %1 after %2 grace: %3</source>
        <translation>%1, 유예 시간 %2 뒤 강제 종료됨: %3</translation>
    </message>
    <message>
        <source>killed %1 after %2: %3</source>
        <translation>%1, %2 만에 강제 종료됨: %3</translation>
    </message>
    <message>
        <source>%1 ended by a signal: %2</source>
        <translation>%1, 시그널로 끝남: %2</translation>
    </message>
    <message>
        <source>%1 crashed: %2</source>
        <translation>%1, 비정상 종료: %2</translation>
    </message>
    <message>
        <source>%1 exited after %2: %3</source>
        <translation>%1, %2 만에 끝남: %3</translation>
    </message>
    <message>
        <source>%1 left processes behind in its group: terminating them</source>
        <translation>%1, 그룹에 남긴 프로세스가 있어 종료합니다</translation>
    </message>
    <message>
        <source>terminating %1 (SIGTERM)…</source>
        <translation>%1 종료 중 (SIGTERM)…</translation>
    </message>
    <message>
        <source>%1 still running after %2 grace: killing (SIGKILL)</source>
        <translation>%1, 유예 시간 %2 뒤에도 실행 중: 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>killing %1 (SIGKILL)</source>
        <translation>%1 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>pausing %1 (SIGSTOP)</source>
        <translation>%1 일시 정지 (SIGSTOP)</translation>
    </message>
    <message>
        <source>resuming %1 (SIGCONT)</source>
        <translation>%1 다시 실행 (SIGCONT)</translation>
    </message>
    <message>
        <source>sending %1 to %2</source>
        <translation>%2에 %1 보내는 중</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>종료 중</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>비정상 종료됨</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>시작 실패</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>강제 종료됨</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>끝남</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) that %1 started still run as orphans: kept until they end or are stopped</source>
        <translation>
            <numerusform>%1이(가) 시작한 프로세스 %n개가 고아로 계속 실행됩니다: 끝나거나 중지될 때까지 표시합니다</numerusform>
        </translation>
    </message>
    <message>
        <source>terminating the orphans of %1 (SIGTERM)…</source>
        <translation>%1의 고아 프로세스 종료 중 (SIGTERM)…</translation>
    </message>
    <message>
        <source>orphans of %1 still running after %2 grace: killing (SIGKILL)</source>
        <translation>%1의 고아 프로세스가 유예 시간 %2 후에도 실행 중: 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>killing the orphans of %1 (SIGKILL)</source>
        <translation>%1의 고아 프로세스 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>sending %1 to the orphans of %2</source>
        <translation>%2의 고아 프로세스에 %1 보내는 중</translation>
    </message>
    <message>
        <source>%1 has ended</source>
        <translation>%1은(는) 이미 끝났습니다</translation>
    </message>
    <message>
        <source>%1 is not “%2” (%3), and ProcLab does not follow the processes it starts: only the program itself can be signalled alone</source>
        <translation>%1은(는) “%2”(%3)이(가) 아니며, ProcLab은 그것이 시작한 프로세스를 추적하지 않습니다: 프로그램 자신에게만 따로 시그널을 보낼 수 있습니다</translation>
    </message>
    <message>
        <source>%1 is not a running process of “%2” (%3)</source>
        <translation>%1은(는) “%2”(%3)의 실행 중인 프로세스가 아닙니다</translation>
    </message>
    <message>
        <source>%1 is no longer a process of “%2”: not signalled</source>
        <translation>%1은(는) 더 이상 “%2”의 프로세스가 아닙니다: 시그널을 보내지 않았습니다</translation>
    </message>
    <message>
        <source>cannot signal %1: %2</source>
        <translation>%1에 시그널을 보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>terminating %1 alone (SIGTERM to that process)</source>
        <translation>%1만 종료 중 (그 프로세스에만 SIGTERM)</translation>
    </message>
    <message>
        <source>sending %1 to %2 alone</source>
        <translation>%2에만 %1 보내는 중</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n orphan(s) running</source>
        <translation>
            <numerusform>%1 · 고아 %n개 실행 중</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerActions</name>
    <message>
        <source>&amp;Spawn 4 Workers</source>
        <translation>프로세스 4개 생성(&amp;S)</translation>
    </message>
    <message>
        <source>Spawn 4 workers</source>
        <translation>프로세스 4개 생성</translation>
    </message>
    <message>
        <source>Lesson 1: start four processes that each say their own PID</source>
        <translation>실습 1: 각자 자신의 PID를 말하는 프로세스 4개를 시작합니다</translation>
    </message>
    <message>
        <source>Count, then terminate in</source>
        <translation>숫자 세고 종료까지</translation>
    </message>
    <message>
        <source>&amp;Run Command…</source>
        <translation>명령 실행(&amp;R)…</translation>
    </message>
    <message>
        <source>Run command…</source>
        <translation>명령 실행…</translation>
    </message>
    <message>
        <source>Start a program of your own as a worker</source>
        <translation>직접 고른 프로그램을 프로세스로 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>강제 종료(&amp;K)</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>강제 종료</translation>
    </message>
    <message>
        <source>Stop the selected workers at once (SIGKILL)</source>
        <translation>선택한 프로세스를 즉시 멈춥니다 (SIGKILL)</translation>
    </message>
    <message>
        <source>&amp;Clear Finished</source>
        <translation>끝난 프로세스 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>끝난 것 지우기</translation>
    </message>
    <message>
        <source>Remove the workers that have ended from the table</source>
        <translation>끝난 프로세스를 표에서 지웁니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop every worker and close ProcLab</source>
        <translation>모든 프로세스를 멈추고 ProcLab을 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Follow Output</source>
        <translation>출력 따라가기(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the newest output in view</source>
        <translation>가장 새로운 출력이 계속 보이게 합니다</translation>
    </message>
    <message>
        <source>Show &amp;Timestamps</source>
        <translation>시각 표시(&amp;T)</translation>
    </message>
    <message>
        <source>Show when each line of output arrived</source>
        <translation>출력의 각 줄이 도착한 시각을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the output</source>
        <translation>출력에서 찾습니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected output, or the selected rows of the table</source>
        <translation>선택한 출력이나 표에서 선택한 행을 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Save Output As…</source>
        <translation>출력을 다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the output shown to a text file</source>
        <translation>보이는 출력을 텍스트 파일로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>Larger text in the table and the output</source>
        <translation>표와 출력의 글자를 크게 합니다</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>글자 작게(&amp;S)</translation>
    </message>
    <message>
        <source>Smaller text in the table and the output</source>
        <translation>표와 출력의 글자를 작게 합니다</translation>
    </message>
    <message>
        <source>&amp;About ProcLab</source>
        <translation>ProcLab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>What ProcLab is and which version this is</source>
        <translation>ProcLab이 무엇이고 어떤 버전인지 보여 줍니다</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>The version of Qt that ProcLab runs on</source>
        <translation>ProcLab이 쓰는 Qt의 버전</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Seconds before the counting process is terminated; also used by “Terminate in N s”</source>
        <translation>숫자를 세는 프로세스를 종료하기까지의 초. “N초 후 종료”에도 쓰입니다</translation>
    </message>
    <message>
        <source>C&amp;ount, Then Terminate in %1 s</source>
        <translation>숫자 세고 %1초 후 종료(&amp;O)</translation>
    </message>
    <message>
        <source>Lesson 2: start a process that counts, and terminate it after %1 s</source>
        <translation>실습 2: 숫자를 세는 프로세스를 시작하고 %1초 후에 종료합니다</translation>
    </message>
    <message>
        <source>Terminate &amp;in %1 s</source>
        <translation>%1초 후 종료(&amp;I)</translation>
    </message>
    <message>
        <source>Terminate in %1 s</source>
        <translation>%1초 후 종료</translation>
    </message>
    <message>
        <source>Terminate the selected workers in %1 s (the seconds beside the counting lesson)</source>
        <translation>선택한 프로세스를 %1초 후에 종료합니다 (세기 실습 옆의 초)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>실습</translation>
    </message>
    <message>
        <source>Selected Workers</source>
        <translation>선택한 프로세스</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>프로세스(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Grace period, countdown, scrollback, text size and language</source>
        <translation>유예 시간, 카운트다운, 스크롤백, 글자 크기, 언어</translation>
    </message>
    <message>
        <source>The &amp;Tutorial</source>
        <translation>튜토리얼(&amp;T)</translation>
    </message>
    <message>
        <source>The two Python examples ProcLab&apos;s lessons come from, explained</source>
        <translation>ProcLab 실습의 바탕인 파이썬 예제 두 개와 그 설명</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>시스템 언어(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the language of the desktop</source>
        <translation>데스크톱의 언어를 따릅니다</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Freeze the selected workers and everything they started (SIGSTOP): they stay in memory but get no processor time</source>
        <translation>선택한 프로세스와 그것이 시작한 모든 프로세스를 얼립니다(SIGSTOP): 메모리에는 남지만 CPU 시간을 받지 않습니다</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>다시 실행(&amp;U)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Let the paused workers run on from where they stopped (SIGCONT)</source>
        <translation>일시 정지한 프로세스를 멈춘 곳에서부터 계속 실행합니다 (SIGCONT)</translation>
    </message>
    <message>
        <source>&amp;Python Panel</source>
        <translation>파이썬 패널(&amp;P)</translation>
    </message>
    <message>
        <source>Show the same session as the tutorial&apos;s Python: each start, signal and exit code as a line of multiprocessing code</source>
        <translation>같은 세션을 튜토리얼의 파이썬으로 보여 줍니다: 시작, 시그널, 종료 코드마다 multiprocessing 코드 한 줄</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Save &amp;Record…</source>
        <translation>레코드 저장(&amp;R)…</translation>
    </message>
    <message>
        <source>Save everything this session ran, every process and every line, as a ProcLab record (JSON Lines)</source>
        <translation>이 세션에서 실행한 모든 것, 모든 프로세스와 모든 줄을 ProcLab 레코드(JSON Lines)로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Stop Whole Tree</source>
        <translation>트리 전체 중지(&amp;S)</translation>
    </message>
    <message>
        <source>Stop whole tree</source>
        <translation>트리 전체 중지</translation>
    </message>
    <message>
        <source>Stop the selected workers and every process they started: SIGTERM to the whole process group, then SIGKILL to whatever still runs after the grace period</source>
        <translation>선택한 작업자와 그것이 시작한 모든 프로세스를 중지합니다: 프로세스 그룹 전체에 SIGTERM을 보내고, 유예 시간이 지나도 실행 중인 것에는 SIGKILL을 보냅니다</translation>
    </message>
    <message>
        <source>Terminate This &amp;Process</source>
        <translation>이 프로세스만 종료(&amp;P)</translation>
    </message>
    <message>
        <source>Terminate process</source>
        <translation>이 프로세스 종료</translation>
    </message>
    <message>
        <source>Send SIGTERM to the selected process alone, like Python&apos;s Process.terminate(): the processes it started live on, as orphans</source>
        <translation>Python의 Process.terminate()처럼 선택한 프로세스 하나에만 SIGTERM을 보냅니다: 그 프로세스가 시작한 프로세스는 고아로 계속 실행됩니다</translation>
    </message>
    <message>
        <source>Send Signal to This &amp;Process</source>
        <translation>이 프로세스에 시그널 보내기(&amp;P)</translation>
    </message>
    <message>
        <source>Send Signal to Whole &amp;Tree</source>
        <translation>트리 전체에 시그널 보내기(&amp;T)</translation>
    </message>
    <message>
        <source>Send %1 to the whole tree of the selected workers (their process groups): %2</source>
        <translation>선택한 작업자의 트리 전체(프로세스 그룹)에 %1 보내기: %2</translation>
    </message>
    <message>
        <source>Send %1 to the selected process alone, not to the processes it started: %2</source>
        <translation>선택한 프로세스 하나에만 %1 보내기(그 프로세스가 시작한 프로세스에는 보내지 않음): %2</translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerPool</name>
    <message>
        <source>not starting “%1”: %2 workers are running, the most this monitor allows at once (limited by its %3 open files)</source>
        <translation>“%1”을(를) 시작하지 않음: 이미 프로세스 %2개가 실행 중이며, 이 모니터가 한 번에 허용하는 최대입니다 (열린 파일 %3개로 제한됨)</translation>
    </message>
    <message numerus="yes">
        <source>%n more worker(s) wait to start: %1 are running, the most this monitor allows at once (limited by its %2 open files)</source>
        <translation>
            <numerusform>%n개가 더 시작을 기다림: 이미 프로세스 %1개가 실행 중이며, 이 모니터가 한 번에 허용하는 최대입니다 (열린 파일 %2개로 제한됨)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerTableModel</name>
    <message>
        <source>%1 · terminating in %2 s</source>
        <translation>%1 · %2초 후 종료</translation>
    </message>
    <message>
        <source>Failed to start: %1</source>
        <translation>시작 실패: %1</translation>
    </message>
    <message>
        <source>Lines written to standard output</source>
        <translation>표준 출력(stdout)에 쓴 줄 수</translation>
    </message>
    <message>
        <source>Lines written to standard error</source>
        <translation>표준 오류(stderr)에 쓴 줄 수</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>종료 코드</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 시간</translation>
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
        <translation>마지막 출력</translation>
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
        <translation>%1%</translation>
    </message>
    <message>
        <source>Processor use of the worker and every process it started, in % of one core, with its last half minute drawn behind</source>
        <translation>프로세스와 그것이 시작한 모든 프로세스의 CPU 사용률 (코어 하나 기준 %), 뒤에는 최근 30초의 그래프</translation>
    </message>
    <message>
        <source>How the process ended, as Python&apos;s Process.exitcode says it: the exit status, or minus the number of the signal that ended it. Hover over a cell for the shell&apos;s reading and what the signal means</source>
        <translation>프로세스가 어떻게 끝났는지, 파이썬의 Process.exitcode 방식으로: 종료 상태, 또는 프로세스를 끝낸 시그널 번호에 마이너스를 붙인 값. 셀 위에 마우스를 올리면 셸의 값과 시그널의 뜻을 보여 줍니다</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>시작 실패: %1</translation>
    </message>
    <message>
        <source>killed by %1: %2</source>
        <translation>%1(으)로 끝남: %2</translation>
    </message>
    <message>
        <source> (it was still running when the grace period after SIGTERM ran out)</source>
        <translation> (SIGTERM 뒤 유예 시간이 다 지날 때까지 실행 중이었음)</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>상태 %1(으)로 스스로 끝남</translation>
    </message>
    <message>
        <source>, after it was asked to stop</source>
        <translation>, 종료 요청을 받은 뒤</translation>
    </message>
    <message>
        <source>Python: %1 · shell: %2 · %3</source>
        <translation>파이썬: %1 · 셸: %2 · %3</translation>
    </message>
    <message>
        <source>failed (exit %1)</source>
        <translation>실패 (종료 코드 %1)</translation>
    </message>
    <message>
        <source>Resident memory (RSS) of the worker and every process it started, added up: the figure of the worker&apos;s row in the Processes tab, which lists each process</source>
        <translation>프로세스와 그것이 시작한 모든 프로세스의 상주 메모리(RSS) 합계: 프로세스 트리 탭에서 이 프로세스 행의 값이며, 탭은 프로세스를 하나씩 보여 줍니다</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>좀비</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>끝남</translation>
    </message>
    <message>
        <source>%1 · orphan → PPID %2</source>
        <translation>%1 · 고아 → PPID %2</translation>
    </message>
    <message>
        <source>%1 · orphan</source>
        <translation>%1 · 고아</translation>
    </message>
    <message>
        <source>PID %1, started by PID %2</source>
        <translation>PID %1, PID %2가 시작함</translation>
    </message>
    <message>
        <source>Orphan: the process that started it ended first, and the system made PID %1 its parent</source>
        <translation>고아: 이 프로세스를 시작한 프로세스가 먼저 끝나서 시스템이 PID %1을 부모로 정했습니다</translation>
    </message>
    <message>
        <source>Orphan: the process that started it ended first</source>
        <translation>고아: 이 프로세스를 시작한 프로세스가 먼저 끝났습니다</translation>
    </message>
    <message>
        <source>Zombie: it has ended, but its parent has not yet collected its exit status (wait()), so the system still lists it</source>
        <translation>좀비: 끝났지만 부모가 아직 종료 상태를 거두지 않아서(wait()) 시스템에 아직 남아 있습니다</translation>
    </message>
    <message>
        <source>Not followed exactly: its end and its own children may be missed</source>
        <translation>정확히 추적하지 못함: 끝난 시점이나 이 프로세스의 자식을 놓칠 수 있습니다</translation>
    </message>
    <message>
        <source>Ended long ago: shown for the processes it started</source>
        <translation>오래전에 끝남: 이 프로세스가 시작한 프로세스 때문에 보여 줍니다</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n개 더</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n개 실행 중</numerusform>
        </translation>
    </message>
    <message>
        <source>Processes started here that have no row of their own: under each process, the table shows at most %1 running processes and the %2 that ended last. The Processes tab lists the running ones.</source>
        <translation>여기서 시작됐지만 자기 행이 없는 프로세스들: 표는 각 프로세스 아래에 실행 중인 프로세스를 최대 %1개, 마지막에 끝난 프로세스를 %2개까지 보여 줍니다. 실행 중인 프로세스는 프로세스 트리 탭에 모두 나옵니다.</translation>
    </message>
</context>
<context>
    <name>ProcLab::WorkerTableView</name>
    <message>
        <source>No workers yet.
Start a lesson with “Spawn 4 workers” or “Count, then terminate”, or run a command of your own.</source>
        <translation>아직 프로세스가 없습니다.
“프로세스 4개 생성”이나 “숫자 세고 종료”로 실습을 시작하거나, 직접 명령을 실행해 보세요.</translation>
    </message>
</context>
</TS>
