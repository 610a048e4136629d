// Screens of issue 11 part ui-b (register an agreement, sessions, milestones,
// …): each a createRoute with getParentRoute: () => appRoute, listed here.
export const uiBRoutes = [] as const;
