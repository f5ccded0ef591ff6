package dev.sequor.expr.python;

import static dev.sequor.expr.python.PythonTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Snippets get Python and its standard library, but no host files, processes, sockets, native code or Java. */
class PythonSandboxTest {

    private static final String PREFIX = "Error evaluating 'value_expression': ";

    @Test
    void noHostFiles() {
        assertThatThrownBy(() -> eval("open('/etc/passwd').read()"))
                .hasMessage(PREFIX + "PermissionError: [Errno 1] Operation not permitted: '/etc/passwd'");
        assertThatThrownBy(() -> eval("import os\nreturn os.listdir('/')"))
                .hasMessage(PREFIX + "PermissionError: [Errno 1] Operation not permitted: '/'");
        assertThatThrownBy(() -> eval("open('/tmp/sequor-sandbox-probe', 'w').write('x')"))
                .hasMessageStartingWith(PREFIX + "PermissionError: ");
        assertThat(new java.io.File("/tmp/sequor-sandbox-probe")).doesNotExist();
    }

    @Test
    void noProcesses() {
        assertThatThrownBy(() -> eval("import subprocess\nreturn subprocess.run(['ls'])"))
                .hasMessageStartingWith(PREFIX + "PermissionError: ");
        assertThatThrownBy(() -> eval("import os\nreturn os.system('ls')"))
                .hasMessageStartingWith(PREFIX);
    }

    @Test
    void noSockets() {
        assertThatThrownBy(() -> eval("import socket\nreturn socket.socket().connect(('127.0.0.1', 80))"))
                .hasMessageStartingWith(PREFIX + "UnsupportedOperation: socket was excluded");
        assertThatThrownBy(() -> eval("import urllib.request\nreturn urllib.request.urlopen('http://127.0.0.1:1/')"))
                .hasMessageStartingWith(PREFIX);
    }

    @Test
    void noJavaNativeCodeOrOtherLanguages() {
        assertThatThrownBy(() -> eval("import java\nreturn java.type('java.lang.System')"))
                .hasMessageStartingWith(PREFIX + "KeyError: 'host symbol java.lang.System is not defined or access has been denied'");
        // ModuleNotFoundError under IOAccess.NONE; ImportError (its base class) once GraalPy may stat its own files
        assertThatThrownBy(() -> eval("import ctypes")).hasMessageMatching(java.util.regex.Pattern.quote(PREFIX)
                + "(ModuleNotFoundError: .*|ImportError: Cannot run any C extensions because native access is not allowed\\.)");
        assertThatThrownBy(() -> eval("import polyglot\nreturn polyglot.eval(language='js', string='1')"))
                .hasMessageStartingWith(PREFIX);
    }

    @Test
    void exitingFailsTheSnippetOnly() {
        assertThatThrownBy(() -> eval("import os\nos._exit(3)"))
                .hasMessage(PREFIX + "SystemExit: snippets cannot end the Sequor process (exit status 3)");
        assertThatThrownBy(() -> eval("import sys\nsys.exit(4)")).hasMessage(PREFIX + "SystemExit: 4");
        assertThat(eval("1 + 1")).isEqualTo(2L);
    }

    @Test
    void noEnvironmentVariables() {
        assertThat(eval("import os\nreturn os.environ.get('PATH')")).isNull();
    }
}
