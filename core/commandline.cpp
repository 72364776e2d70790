#include "commandline.h"

#include <QCoreApplication>

namespace ProcLab {

namespace {

// Looked up under ProcLab::CommandLine at run time; lupdate files the strings there too, which it would not do
// for a free function named tr().
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::CommandLine)
};

bool isWordSeparator(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n';
}

bool isEscapableInDoubleQuotes(QChar c)
{
    return c == u'"' || c == u'\\' || c == u'$' || c == u'`';
}

} // namespace

SplitCommand splitCommandLine(QStringView commandLine)
{
    SplitCommand result;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;

    for (qsizetype i = 0; i < commandLine.size(); ++i) {
        const QChar c = commandLine.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == u'\'')
                quote = Quote::None;
            else
                word += c;
            continue;
        case Quote::Double:
            if (c == u'"') {
                quote = Quote::None;
            } else if (c == u'\\' && i + 1 < commandLine.size()
                       && isEscapableInDoubleQuotes(commandLine.at(i + 1))) {
                word += commandLine.at(++i);
            } else {
                word += c;
            }
            continue;
        case Quote::None:
            break;
        }

        if (isWordSeparator(c)) {
            if (inWord) {
                result.arguments.append(word);
                word.clear();
                inWord = false;
            }
        } else if (c == u'\'') {
            quote = Quote::Single;
            inWord = true;
        } else if (c == u'"') {
            quote = Quote::Double;
            inWord = true;
        } else if (c == u'\\') {
            if (i + 1 == commandLine.size()) {
                result.error = Texts::tr("the command ends with a lone backslash");
                return result;
            }
            word += commandLine.at(++i);
            inWord = true;
        } else {
            word += c;
            inWord = true;
        }
    }

    if (quote == Quote::Single)
        result.error = Texts::tr("a single quote (') is not closed");
    else if (quote == Quote::Double)
        result.error = Texts::tr("a double quote (\") is not closed");
    else if (inWord)
        result.arguments.append(word);

    if (result.error.isEmpty() && result.arguments.isEmpty())
        result.error = Texts::tr("the command is empty");
    return result;
}

QString joinCommandLine(const QStringList &arguments)
{
    QStringList quoted;
    quoted.reserve(arguments.size());
    for (const QString &argument : arguments) {
        const bool plain = !argument.isEmpty()
                           && std::all_of(argument.cbegin(), argument.cend(), [](QChar c) {
                                  return c.isLetterOrNumber()
                                         || QStringView(u"-_./=:,+@%").contains(c)
                                         || c.unicode() > 0x7f;
                              });
        if (plain) {
            quoted.append(argument);
        } else {
            QString escaped = argument;
            escaped.replace(QLatin1Char('\''), QLatin1String("'\\''"));
            quoted.append(QLatin1Char('\'') + escaped + QLatin1Char('\''));
        }
    }
    return quoted.join(QLatin1Char(' '));
}

} // namespace ProcLab
