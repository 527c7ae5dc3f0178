package dev.hinge.platform.processing;

import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * This service's processing groups and the handler classes in them: a class is in a group by its
 * {@code @ProcessingGroup}, or by a {@link GroupAssignment} bean.
 */
public final class ProcessingGroups {
    private ProcessingGroups() {
    }

    /** The names of this service's processing groups, read from its beans. */
    public static Set<String> names(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        beans.getBeansOfType(GroupAssignment.class).values().forEach(assignment -> groups.add(assignment.group()));
        return groups;
    }

    /** Whether the handlers of {@code type} are those of a processing group (and not, say, an aggregate's). */
    public static boolean hold(Class<?> type, Collection<GroupAssignment> assignments) {
        return AnnotatedElementUtils.hasAnnotation(type, ProcessingGroup.class)
                || assignments.stream().anyMatch(assignment -> assignment.handlerTypes().contains(type));
    }
}
