package io.camelbricks.codegen;

import java.nio.file.Path;

import io.camelbricks.codegen.spec.SpecException;

/**
 * {@code CodegenMain <specDir> <outDir> [<resourcesDir>]}: reads the Databricks OpenAPI documents of {@code specDir}
 * and writes the generated sources of {@code databricks-api} into {@code outDir}, and its generated resources (the
 * native-image reflection configuration) into {@code resourcesDir} when given. Exits with status 1 and a message naming the
 * operation or schema when the spec has a shape the generator does not support.
 */
public final class CodegenMain {

    private CodegenMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: CodegenMain <specDir> <outDir> [<resourcesDir>]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Generator.Result result;
        try {
            result = new Generator().generate(Path.of(args[0]));
        } catch (SpecException e) {
            // thrown, not System.exit: exec:java runs in the Maven JVM
            throw new IllegalStateException("code generation failed: " + e.getMessage(), e);
        }
        int changed = result.sources().writeTo(Path.of(args[1]));
        int files = result.sources().files().size();
        if (args.length == 3) {
            changed += result.resources().writeTo(Path.of(args[2]));
            files += result.resources().files().size();
        }
        boolean verbose = Boolean.getBoolean("codegen.verbose");
        if (verbose) {
            for (String note : result.notes()) {
                System.out.println("[codegen] note: " + note);
            }
        }
        if (!verbose && changed == 0) {
            return; // nothing new: keep builds (and the README's example command) quiet
        }
        var plan = result.plan();
        System.out.printf("[codegen] %d models, %d enums, %d request classes, %d response classes, %d services, "
                        + "%d operations -> %d files (%d changed) in %d ms; -Dcodegen.verbose=true lists %d notes%n",
                plan.models().size(), plan.enums().size(), plan.requests().size(),
                plan.binaryResponses().size() + plan.arrayResponses().size(), plan.services().size(),
                plan.operations().size(), files, changed,
                (System.nanoTime() - start) / 1_000_000, result.notes().size());
    }
}
