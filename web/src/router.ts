import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { whenSessionEnds } from './api/client.js';
import { currentUser, signedIn } from './session.js';
import MainLayout from './layouts/MainLayout.vue';

// One page per app route. These routes are part of the operating contract: links in mails point at them.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: '登录' } },
    {
      path: '/',
      component: MainLayout,
      children: [
        { path: '', component: () => import('./pages/HomePage.vue'), meta: { title: '首页' } },
        { path: 'plans', component: () => import('./pages/PlansPage.vue'), meta: { title: '建设方案' } },
        { path: 'password', component: () => import('./pages/PasswordPage.vue'), meta: { title: '修改密码' } },
        { path: 'plans/:planId(\\d+)/my', component: () => import('./pages/plans/MyListPage.vue'), meta: { title: '我的责任清单' } },
        { path: 'plans/:planId(\\d+)/overview', component: () => import('./pages/plans/OverviewPage.vue'), meta: { title: '驾驶舱' } },
        { path: 'plans/:planId(\\d+)/tasks/:id(\\d+)', component: () => import('./pages/plans/ItemPage.vue'), meta: { title: '任务', list: 'tasks' } },
        { path: 'plans/:planId(\\d+)/projects/:id(\\d+)', component: () => import('./pages/plans/ItemPage.vue'), meta: { title: '项目', list: 'projects' } },
        {
          path: 'plans/:planId(\\d+)/indicators/:id(\\d+)',
          component: () => import('./pages/plans/ItemPage.vue'),
          meta: { title: '指标', list: 'indicators' },
        },
        { path: 'plans/:planId(\\d+)/import', component: () => import('./pages/plans/ImportPage.vue'), meta: { title: '导入导出' } },
        { path: 'plans/:planId(\\d+)/review', component: () => import('./pages/plans/oversight/ReviewPage.vue'), meta: { title: '审核进展' } },
        { path: 'plans/:planId(\\d+)/notices', component: () => import('./pages/plans/oversight/NoticesPage.vue'), meta: { title: '督办通知' } },
        { path: 'plans/:planId(\\d+)/extensions', component: () => import('./pages/plans/oversight/ExtensionsPage.vue'), meta: { title: '延期申请' } },
        { path: 'plans/:planId(\\d+)/signatures', component: () => import('./pages/plans/oversight/SignaturesPage.vue'), meta: { title: '签收情况' } },
        { path: 'plans/:planId(\\d+)/instructions', component: () => import('./pages/plans/oversight/InstructionsPage.vue'), meta: { title: '领导批示' } },
        { path: 'plans/:planId(\\d+)/audit', component: () => import('./pages/AuditPage.vue'), meta: { title: '审计日志' } },
        { path: 'plans/:planId(\\d+)/reports', component: () => import('./pages/plans/reports/ReportsPage.vue'), meta: { title: '报告' } },
        { path: 'plans/:planId(\\d+)/reminders', component: () => import('./pages/plans/reminders/RemindersPage.vue'), meta: { title: '催办提醒' } },
        { path: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { title: '审计日志' } },
        {
          path: 'plans/:planId(\\d+)/lists/tasks',
          component: () => import('./pages/plans/lists/ItemListPage.vue'),
          meta: { title: '任务清单', list: 'tasks' },
        },
        {
          path: 'plans/:planId(\\d+)/lists/projects',
          component: () => import('./pages/plans/lists/ItemListPage.vue'),
          meta: { title: '项目清单', list: 'projects' },
        },
        {
          path: 'plans/:planId(\\d+)/lists/indicators',
          component: () => import('./pages/plans/lists/ItemListPage.vue'),
          meta: { title: '目标清单', list: 'indicators' },
        },
        {
          path: 'plans/:planId(\\d+)/lists/responsibilities',
          component: () => import('./pages/plans/lists/ResponsibilitiesPage.vue'),
          meta: { title: '责任清单' },
        },
        { path: 'plans/:planId(\\d+)/units', component: () => import('./pages/plans/units/UnitsPage.vue'), meta: { title: '单位与联系人' } },
        { path: 'accounts', component: () => import('./pages/AccountsPage.vue'), meta: { title: '账号管理' } },
        { path: 'reports', component: () => import('./pages/CrossPlanReportsPage.vue'), meta: { title: '各方案汇总' } },
        { path: 'tokens', component: () => import('./pages/TokensPage.vue'), meta: { title: '对接令牌' } },
        { path: ':rest(.*)*', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在' } },
      ],
    },
  ],
  scrollBehavior(to) {
    return to.hash ? { el: to.hash } : { top: 0 };
  },
});

function toSignIn(to: RouteLocationNormalized) {
  return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
}

router.beforeEach((to) => {
  if (!to.meta.public && !signedIn()) return toSignIn(to);
  return true;
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 清单`;
});

// An expired or revoked session (401 from the API): sign in again and come back to this page.
whenSessionEnds(() => {
  const here = router.currentRoute.value;
  if (!here.meta.public) void router.replace(toSignIn(here));
});

export { currentUser };
