package vn.ntm.platform.http;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import vn.ntm.platform.i18n.LocalizedText;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** The request parameters of a resource method as the request names them, for validation problems. */
final class RequestParams {
    private RequestParams() {
    }

    /** The detail of a 400 for malformed parameters: the method's or class's {@link ParamsDetail}, else the default. */
    static LocalizedText detail(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        ParamsDetail detail = method == null ? null : method.getAnnotation(ParamsDetail.class);
        if (detail == null && resource != null && resource.getResourceClass() != null) {
            detail = resource.getResourceClass().getAnnotation(ParamsDetail.class);
        }
        return LocalizedText.of(detail == null ? "problem.param.detail" : detail.value());
    }

    /**
     * The query, path or header name of the parameter a violation is about ({@code list.size} or the field
     * {@code list.filters.size} of a {@code @BeanParam}); null when the violation is about the body.
     */
    static String name(ConstraintViolation<?> violation, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        if (nodes.size() < 2 || nodes.get(1).getKind() != ElementKind.PARAMETER) {
            return null;
        }
        int index = nodes.get(1).as(Path.ParameterNode.class).getParameterIndex();
        if (index >= method.getParameterCount()) {
            return null;
        }
        Annotation[] annotations = method.getParameterAnnotations()[index];
        if (nodes.size() == 2) {
            return paramName(annotations);
        }
        if (nodes.size() == 3 && has(annotations, BeanParam.class) && nodes.get(2).getKind() == ElementKind.PROPERTY) {
            Field field = field(method.getParameterTypes()[index], nodes.get(2).getName());
            return field == null ? null : paramName(field.getAnnotations());
        }
        return null;
    }

    private static String paramName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
