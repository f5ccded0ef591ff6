package dev.sequor.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run was asked for on the command line: which op to run alone, HTTP debugging, record/replay, and
 * how errors are shown.
 *
 * @param opId                 run only the op with this id (at any nesting level), or null for the whole flow
 * @param foreachTestRecord    a row used instead of reading an http_request's for_each table, or null
 * @param previewTrace         http_request only sends the request and prints the exchange (no checks, no writes)
 * @param previewPretty        http_request only sends the request and prints the response body, pretty
 * @param parserPreview        http_request runs the response handling and prints the rows it would write
 * @param recordDir            save every HTTP exchange here, or null
 * @param replayDir            answer every HTTP request from recordings here, or null
 */
public record RunOptions(String opId, Map<String, Object> foreachTestRecord, boolean previewTrace,
                         boolean previewPretty, boolean parserPreview, Path recordDir, Path replayDir) {

    public static RunOptions defaults() {
        return new RunOptions(null, null, false, false, false, null, null);
    }

    /** True when http_request ops must not check, parse or write anything. */
    public boolean previewOnly() {
        return previewTrace || previewPretty;
    }
}
