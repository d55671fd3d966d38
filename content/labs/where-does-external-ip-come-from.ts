/**
 * Lab set-up for lesson 1, shared by both languages: the `qa` namespace with a Redis deployment,
 * and the `redis-lb.yaml` file the lesson's commands apply.
 */
export const redisLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: redis-lb
  namespace: qa
spec:
  type: LoadBalancer
  selector:
    app: redis
  ports:
    - port: 6379
      targetPort: 6379
      protocol: TCP
`;

export const setup = [
  'kubectl create namespace qa',
  'kubectl create deployment redis --image=redis:7 --port=6379 -n qa',
  `cat > redis-lb.yaml <<'EOF'\n${redisLbYaml}EOF`,
];
