import { mediaPaths, serveMedia } from '../../features/media/media-route';

export const getStaticPaths = () => mediaPaths('png');
export const GET = serveMedia;
