package org.migrationharness.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a command's help starts the descriptions of its options: after two spaces and this many columns for the
 * option and its value ({@link HelpLayout}); an option too long for it has its description on the next line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface HelpColumn {

    int value();
}
