#pragma once

#include <QIcon>

namespace ProcLab {

// The toolbar's icons, drawn rather than taken from the desktop's icon theme: a classroom machine may
// have no theme at all, and drawn icons look the same everywhere. Each is painted once, large, so it
// stays sharp when the toolbar is scaled up for a projector.
namespace ActionIcons {

QIcon spawnWorkers();   // four dots in the first four workers' colours
QIcon countdown();      // a stopwatch
QIcon runCommand();     // a terminal prompt
QIcon terminate();      // an amber stop square
QIcon kill();           // a red cross
QIcon terminateAfter(); // a stopwatch with a stop square
QIcon clearFinished();  // greyed rows being swept away

} // namespace ActionIcons

} // namespace ProcLab
